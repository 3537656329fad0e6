import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { BANK_TRANSFER_MODULE, type Actor } from "../../modules/bank-transfer"
import type BankTransferModuleService from "../../modules/bank-transfer/service"

export type KeepReturnInput = { id: string; note: string; actor: Actor }

/** open → kept_for_customer, audited; compensation reopens it. */
export const keepReturnStep = createStep(
  "bank-transfer-keep-return-for-customer",
  async (input: KeepReturnInput, { container }) => {
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    const before = await service.keepReturnForCustomer(input)
    return new StepResponse(input.id, before)
  },
  async (before, { container }) => {
    if (before) {
      const service: BankTransferModuleService =
        container.resolve(BANK_TRANSFER_MODULE)
      await service.reopenReturn(before)
    }
  }
)

/**
 * The accountant keeps money to return for the customer (a credit to use later, written in the
 * note): the item leaves the queue, the audit trail says who and why. NOT_FOUND; CONFLICT when the
 * item was decided already. Medusa 2.21 has no customer credit balance, and a credit line on the
 * order itself would tell Medusa the order owes the customer: so the decision is a note.
 */
export const keepReturnForCustomerWorkflow = createWorkflow(
  "bank-transfer-keep-return-for-customer",
  (input: KeepReturnInput) => new WorkflowResponse(keepReturnStep(input))
)
