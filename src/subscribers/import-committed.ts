import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { BankTransferEvents } from "../lib/events"
import { reconcilePendingTransactionsWorkflow } from "../workflows/match/reconcile-pending-transactions"

/** A committed statement's lines go through the matcher one after another (bounded memory). */
export default async function importCommitted({
  event,
  container,
}: SubscriberArgs<{ id: string }>) {
  await reconcilePendingTransactionsWorkflow(container).run({
    input: { import_id: event.data.id },
  })
}

export const config: SubscriberConfig = {
  event: BankTransferEvents.IMPORT_COMMITTED,
  context: { subscriberId: "bank-transfer-import-committed" },
}
