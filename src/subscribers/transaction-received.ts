import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { reconcileTransactionWorkflow } from "../workflows/match/reconcile-transaction"
import { recordMatchingFailure } from "../workflows/match/utils/matching-failure"
import { BankTransferEvents } from "../lib/events"

/**
 * Every new incoming transaction goes through the matcher. A failure is counted on the transaction
 * (the sweep retries it, a bounded number of times) rather than thrown into the event bus.
 */
export default async function transactionReceivedHandler({
  event,
  container,
}: SubscriberArgs<{ id: string }>) {
  try {
    await reconcileTransactionWorkflow(container).run({
      input: { transaction_id: event.data.id },
    })
  } catch (e) {
    await recordMatchingFailure(container, event.data.id, e)
  }
}

export const config: SubscriberConfig = {
  event: BankTransferEvents.TRANSACTION_RECEIVED,
  context: { subscriberId: "bank-transfer-reconcile" },
}
