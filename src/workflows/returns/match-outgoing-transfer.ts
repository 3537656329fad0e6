import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { BANK_TRANSFER_MODULE, type Actor } from "../../modules/bank-transfer"
import type BankTransferModuleService from "../../modules/bank-transfer/service"
import { pickRefundForOutgoing } from "../../lib/returns/outgoing"

export type MatchOutgoingInput = {
  /** Outgoing transactions to look at (new webhook lines, a committed statement's debits). */
  transaction_ids: string[]
}

/**
 * Each outgoing line whose amount equals exactly one recorded refund's — among those whose order
 * its memo names or whose payer account is its counterparty — closes that refund (audited as
 * automatic). A line that fits none or several is left for the accountant. A line seen again
 * (another channel, a statement) is the same transaction and closes nothing twice. Returns
 * `{ transaction_id, return_item_id }` per line closed.
 */
export const matchOutgoingTransfersStep = createStep(
  "bank-transfer-match-outgoing-transfers",
  async (input: MatchOutgoingInput, { container }) => {
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    const closed: { transaction_id: string; return_item_id: string }[] = []
    for (const id of [...new Set(input.transaction_ids)]) {
      const [tx] = await service.listBankTransactions({ id, direction: "out" })
      if (!tx || tx.status === "returned") {
        continue
      }
      const refunds = await service.refundsAwaitingTransfer({
        currency_code: tx.currency_code,
        amount: String((tx as any).raw_amount?.value ?? tx.amount),
      })
      const itemId = pickRefundForOutgoing(tx, refunds)
      if (!itemId) {
        continue
      }
      try {
        await service.closeReturnItem({
          id: itemId,
          transaction_id: tx.id,
          actor: { type: "system" },
          automatic: true,
        })
        closed.push({ transaction_id: tx.id, return_item_id: itemId })
      } catch (e) {
        // Taken meanwhile by the accountant or another run: nothing to do.
        if (!MedusaError.isMedusaError(e)) {
          throw e
        }
      }
    }
    return new StepResponse(closed)
  }
)

export const matchOutgoingTransfersWorkflow = createWorkflow(
  "bank-transfer-match-outgoing-transfers",
  (input: MatchOutgoingInput) =>
    new WorkflowResponse(matchOutgoingTransfersStep(input))
)

export type MatchReturnByHandInput = {
  id: string
  transaction_id: string
  actor: Actor
}

/**
 * refund_recorded → closed by the outgoing line the accountant chose. Compensation reopens the
 * refund (waiting for its transfer again) and the line.
 */
export const matchReturnByHandStep = createStep(
  "bank-transfer-match-return-by-hand",
  async (input: MatchReturnByHandInput, { container }) => {
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    const tx = await service.retrieveBankTransaction(input.transaction_id)
    await service.closeReturnItem({ ...input, automatic: false })
    return new StepResponse(input.id, {
      id: input.id,
      transaction_id: tx.id,
      status: tx.status,
      reconciled_at: tx.reconciled_at,
    })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    await service.updateMoneyReturns({
      id: undo.id,
      state: "refund_recorded",
      outgoing_transaction_id: null,
      closed_at: null,
    })
    await service.updateBankTransactions({
      id: undo.transaction_id,
      status: undo.status,
      reconciled_at: undo.reconciled_at,
    })
  }
)

/**
 * The accountant matches a recorded refund with its outgoing transfer by hand (when the automatic
 * rule found it ambiguous). NOT_FOUND; NOT_ALLOWED (not outgoing, another currency or amount);
 * CONFLICT (no refund waiting, or the line pays another refund).
 */
export const matchReturnByHandWorkflow = createWorkflow(
  "bank-transfer-match-return-by-hand",
  (input: MatchReturnByHandInput) =>
    new WorkflowResponse(matchReturnByHandStep(input))
)
