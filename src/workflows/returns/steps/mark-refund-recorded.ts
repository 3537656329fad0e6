import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_TRANSFER_MODULE } from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"
import type { ReturnRefundPlan } from "./plan-return-refund"

/**
 * open → refund_recorded under the item's row lock (a concurrent decision is a CONFLICT), audited
 * with the part refunded in Medusa and the part recorded in the plugin only. Compensation puts the
 * item back as it was (a Medusa refund that failed after it).
 */
export const markRefundRecordedStep = createStep(
  "bank-transfer-mark-refund-recorded",
  async (plan: ReturnRefundPlan, { container }) => {
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    const before = await service.recordReturnRefund({
      id: plan.id,
      medusa_amount: plan.medusa_amount,
      refund_reason_id: plan.refund_reason_id ?? null,
      note: plan.note ?? null,
      actor: plan.actor,
    })
    return new StepResponse(plan.id, before)
  },
  async (before, { container }) => {
    if (!before) {
      return
    }
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    await service.revertReturnRefund(before)
  }
)
