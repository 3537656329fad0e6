import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { reconcileIncoming } from "../workflows/match/reconcile-incoming"
import { BankTransferEvents } from "../lib/events"

/** Every new incoming transaction goes through the matcher. */
export default async function transactionReceivedHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  await reconcileIncoming(container, event.data.id)
}

export const config: SubscriberConfig = {
  event: BankTransferEvents.TRANSACTION_RECEIVED,
  context: { subscriberId: "bank-transfer-reconcile" },
}
