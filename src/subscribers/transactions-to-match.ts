import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { reconcileTransactionWorkflow } from "../workflows/match/reconcile-transaction"
import { recordMatchingFailure } from "../workflows/match/utils/matching-failure"
import { BankTransferEvents } from "../lib/events"

/**
 * Every new incoming transaction goes through the matcher, one after the other (a batch's
 * transactions may pay one order: each sees what the one before applied). A failure is counted on
 * its transaction (the sweep retries it, a bounded number of times) rather than thrown into the
 * event bus, and the batch goes on.
 */
export default async function transactionsToMatchHandler({
  event,
  container,
}: SubscriberArgs<{ ids: string[] }>) {
  for (const id of event.data.ids) {
    try {
      await reconcileTransactionWorkflow(container).run({
        input: { transaction_id: id },
      })
    } catch (e) {
      await recordMatchingFailure(container, id, e)
    }
  }
}

export const config: SubscriberConfig = {
  event: BankTransferEvents.TRANSACTIONS_TO_MATCH,
  context: { subscriberId: "bank-transfer-reconcile" },
}
