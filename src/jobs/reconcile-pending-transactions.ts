import type { MedusaContainer } from "@medusajs/framework/types"
import { reconcilePendingTransactionsWorkflow } from "../workflows/match/reconcile-pending-transactions"
import { BANK_TRANSFER_MODULE } from "../modules/bank-transfer"
import type BankTransferModuleService from "../modules/bank-transfer/service"

/**
 * Every 5 minutes: a transaction stored but never matched (the server stopped between storing a
 * webhook and running its subscriber) is matched now. Rows younger than a minute are left to
 * their subscriber.
 */
export default async function reconcilePendingTransactions(
  container: MedusaContainer
) {
  const service: BankTransferModuleService =
    container.resolve(BANK_TRANSFER_MODULE)
  if (!service.getOptions().jobs) {
    return
  }
  const { result: done } = await reconcilePendingTransactionsWorkflow(
    container
  ).run({
    input: { created_before: new Date(Date.now() - 60_000) },
  })
  if (done) {
    container
      .resolve("logger")
      .info(`bank-transfer: matched ${done} pending transaction(s)`)
  }
}

export const config = {
  name: "bank-transfer-reconcile-pending",
  schedule: "*/5 * * * *",
}
