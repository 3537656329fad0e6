import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_TRANSFER_MODULE } from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"

/**
 * Marks a transaction's run finished (reconciled_at) once its orders are captured. Until then the
 * allocation keeps it open, and the sweep job finishes a run the server did not live to finish.
 */
export const closeTransactionStep = createStep(
  "bank-transfer-close-transaction",
  async (input: { transaction_id: string }, { container }) => {
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    await service.updateBankTransactions({
      id: input.transaction_id,
      reconciled_at: new Date(),
    })
    return new StepResponse(input.transaction_id)
  }
)
