import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  BANK_TRANSFER_MODULE,
  type Actor,
} from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"

export type IgnoreTransactionInput = {
  transaction_id: string
  status: "ignored" | "returned"
  actor: Actor
  reason?: string
}

/**
 * Marks money as not for any order ("not ours", or to be returned). Compensation puts the status,
 * reconciled_at and the superseded suggestions back; the audit entry stays (it is the trail).
 */
export const ignoreTransactionStep = createStep(
  "bank-transfer-ignore-transaction",
  async (input: IgnoreTransactionInput, { container }) => {
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    const before = await service.retrieveBankTransaction(input.transaction_id)
    const pending = await service.listSuggestions({
      transaction_id: input.transaction_id,
      status: "pending",
    })
    const transaction = await service.ignoreTransaction(input)
    return new StepResponse(transaction, {
      id: before.id,
      status: before.status,
      reconciled_at: before.reconciled_at,
      suggestion_ids: pending.map((s) => s.id),
    })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    await service.updateBankTransactions({
      id: undo.id,
      status: undo.status,
      reconciled_at: undo.reconciled_at,
    })
    if (undo.suggestion_ids.length) {
      await service.updateSuggestions(
        undo.suggestion_ids.map((id) => ({
          id,
          status: "pending" as const,
          decided_by: null,
          decided_at: null,
        }))
      )
    }
  }
)
