import type { MedusaContainer } from "@medusajs/framework/types"
import { BANK_TRANSFER_MODULE } from "../modules/bank-transfer"
import type BankTransferModuleService from "../modules/bank-transfer/service"
import { reconcileTransactionWorkflow } from "../workflows/reconcile-transaction"

/**
 * Matches incoming transactions that no matcher has finished with yet, oldest first, one batch at
 * a time: a committed statement's lines, or rows a crash left behind after storing them, or after
 * allocating them but before their orders were captured (the workflow then finishes that run).
 */
export async function reconcilePending(
  container: MedusaContainer,
  filters: { import_id?: string; created_before?: Date } = {},
  batchSize = 200
) {
  const service: BankTransferModuleService = container.resolve(BANK_TRANSFER_MODULE)
  let done = 0
  let lastId = ""
  for (;;) {
    const batch = await service.listBankTransactions(
      {
        reconciled_at: null,
        direction: "in",
        status: ["unmatched", "matched", "partially_applied"],
        id: { $gt: lastId },
        ...(filters.import_id ? { import_id: filters.import_id } : {}),
        ...(filters.created_before ? { created_at: { $lt: filters.created_before } } : {}),
      } as any,
      { take: batchSize, order: { id: "ASC" }, select: ["id"] }
    )
    for (const tx of batch) {
      // One failing transaction (logged by the workflow engine) must not stop the others.
      const { errors } = await reconcileTransactionWorkflow(container).run({
        input: { transaction_id: tx.id },
        throwOnError: false,
      })
      if (!errors?.length) done++
    }
    if (batch.length < batchSize) return done
    lastId = batch[batch.length - 1].id
  }
}
