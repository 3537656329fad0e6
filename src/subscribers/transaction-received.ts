import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { reconcileTransactionWorkflow } from "../workflows/match/reconcile-transaction"
import { BankTransferEvents } from "../lib/events"

/** Every new incoming transaction goes through the matcher. */
export default async function transactionReceivedHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  await reconcileTransactionWorkflow(container).run({ input: { transaction_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: BankTransferEvents.TRANSACTION_RECEIVED,
  context: { subscriberId: "bank-transfer-reconcile" },
}
