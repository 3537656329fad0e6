import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  BANK_TRANSFER_MODULE,
  type AllocateInput,
} from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"

/** Applies money to expectations under row locks; compensation undoes exactly these allocations. */
export const allocateStep = createStep(
  "bank-transfer-allocate",
  async (input: AllocateInput, { container }) => {
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    const result = await service.allocate(input)
    return new StepResponse(result, {
      transaction_id: input.transaction_id,
      allocation_ids: result.allocation_ids,
      reopened_from: result.reopened_from ?? null,
    })
  },
  async (undo, { container }) => {
    if (!undo?.allocation_ids.length) {
      return
    }
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    await service.reverseAllocations({
      allocation_ids: undo.allocation_ids,
      actor: { type: "system" },
      reason: "Rolled back: a later step (e.g. the payment capture) failed",
    })
    if (undo.reopened_from) {
      await service.updateBankTransactions({
        id: undo.transaction_id,
        reconciled_at: new Date(undo.reopened_from),
      })
    }
  }
)
