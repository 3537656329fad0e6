import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { BANK_TRANSFER_MODULE } from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"
import { reconcileIncoming } from "../reconcile-incoming"

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
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
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
      // One failing transaction must not stop the others: it stays pending for the next sweep.
      try {
        await reconcileIncoming(container, tx.id)
        done++
      } catch (e) {
        logger.error(`bank-transfer: matching transaction ${tx.id} failed: ${(e as Error).message}`)
      }
    }
    if (batch.length < batchSize) return done
    lastId = batch[batch.length - 1].id
  }
}
