import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_TRANSFER_MODULE } from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"
import { reconcileTransactionWorkflow } from "../reconcile-transaction"
import { recordMatchingFailure } from "../utils/matching-failure"

export type ReconcilePendingInput = {
  /** Only this statement import's lines. */
  import_id?: string
  /** Only rows stored before this time (the sweep leaves younger rows to their subscriber). */
  created_before?: Date | string
  batch_size?: number
}

/**
 * Runs the matching workflow for incoming transactions that no run has finished with yet, oldest
 * first, one batch at a time (memory stays flat): a committed statement's lines, rows a crash left
 * behind after storing them, or after allocating them but before their orders were captured.
 * Each transaction is its own workflow run, under its own lock: nothing to compensate here.
 * Returns how many were matched.
 */
export const reconcilePendingStep = createStep(
  "bank-transfer-reconcile-pending",
  async (input: ReconcilePendingInput, { container }) => {
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    const batchSize = input.batch_size ?? 200
    let done = 0
    let lastId = ""
    for (;;) {
      const batch = await service.listBankTransactions(
        {
          reconciled_at: null,
          direction: "in",
          status: ["unmatched", "matched", "partially_applied"],
          // Parked after failing MATCH_ATTEMPTS times: an accountant looks at it, the sweep does not.
          needs_attention_at: null,
          id: { $gt: lastId },
          ...(input.import_id ? { import_id: input.import_id } : {}),
          ...(input.created_before
            ? { created_at: { $lt: new Date(input.created_before) } }
            : {}),
        } as any,
        { take: batchSize, order: { id: "ASC" }, select: ["id"] }
      )
      for (const tx of batch) {
        // One failing transaction must not stop the others: it stays pending for the next sweep.
        try {
          await reconcileTransactionWorkflow(container).run({
            input: { transaction_id: tx.id },
          })
          done++
        } catch (e) {
          await recordMatchingFailure(container, tx.id, e)
        }
      }
      if (batch.length < batchSize) {
        return new StepResponse(done)
      }
      lastId = batch[batch.length - 1].id
    }
  }
)
