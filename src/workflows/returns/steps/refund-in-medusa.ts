import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MathBN, Modules } from "@medusajs/framework/utils"
import { refundPaymentWorkflow } from "@medusajs/medusa/core-flows"
import { BANK_TRANSFER_MODULE } from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"
import {
  RETURN_REFUND_ACTOR,
  withOrderPaymentLock,
} from "../../allocate/utils/medusa-payment"
import type { ReturnRefundPlan } from "./plan-return-refund"

/**
 * The part of the item Medusa captured is refunded through Medusa's refundPaymentWorkflow, with
 * the refund reason and the note, under the order's payment lock; `created_by` marks it as a
 * refund of money to return, so that payment syncing does not capture it again and the expectation
 * does not count it a second time. The refund's id is stored on the item. The workflow's last
 * step that can fail: a Medusa refund cannot be taken back, so nothing after it may fail.
 */
export const refundInMedusaStep = createStep(
  "bank-transfer-refund-return-in-medusa",
  async (plan: ReturnRefundPlan, { container }) => {
    if (!plan.payment_id || !MathBN.gt(plan.medusa_amount, 0)) {
      return new StepResponse(null)
    }
    const refund = await withOrderPaymentLock(
      container,
      plan.order_id!,
      async () => {
        await refundPaymentWorkflow(container).run({
          input: {
            payment_id: plan.payment_id!,
            amount: plan.medusa_amount,
            created_by: RETURN_REFUND_ACTOR,
            note: plan.note || `Bank transfer: money to return ${plan.id}`,
            refund_reason_id: plan.refund_reason_id,
          },
        })
        // Still under the order's lock: the newest refund of money to return is this one.
        const [latest] = await container.resolve(Modules.PAYMENT).listRefunds(
          {
            payment_id: plan.payment_id!,
            created_by: RETURN_REFUND_ACTOR,
          } as any,
          { order: { created_at: "DESC" }, take: 1 }
        )
        return latest ?? null
      }
    )
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    if (refund) {
      await service.updateMoneyReturns({
        id: plan.id,
        refund_ids: [refund.id] as any,
      })
    }
    return new StepResponse(refund?.id ?? null)
  }
)
