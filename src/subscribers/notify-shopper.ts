import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { BankTransferEvents } from "../lib/events"
import { notifyShopperWorkflow } from "../workflows/notify/notify-shopper"

type Data = {
  id: string
  order_id?: string
  step?: string
  transaction_id?: string
  request_id?: string
  message?: string
  /** Set by the escalation job, which notifies a whole batch in one call. */
  shopper_notified?: boolean
}

/** Tells the shopper what changed, through Medusa's Notification Module. */
export default async function notifyShopper({
  event,
  container,
}: SubscriberArgs<Data>) {
  if (event.data.shopper_notified) {
    return
  }
  await notifyShopperWorkflow(container).run({
    input: { name: event.name, data: event.data },
  })
}

export const config: SubscriberConfig = {
  event: [
    BankTransferEvents.EXPECTATION_CREATED,
    BankTransferEvents.CONFIRMATION_REQUESTED,
    BankTransferEvents.ORDER_PARTIALLY_PAID,
    BankTransferEvents.ORDER_PAID,
    BankTransferEvents.ORDER_TENTATIVELY_CANCELED,
    BankTransferEvents.ORDER_REVIVED,
  ],
  context: { subscriberId: "bank-transfer-notify-shopper" },
}
