import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { BankTransferEvents } from "../lib/events"
import { notifyAdminFeedWorkflow } from "../workflows/notify/notify-admin-feed"
import type { AdminFeedEvent } from "../workflows/notify/utils/admin-feed-entry"

/** What needs an accountant shows up in the admin's notification feed. */
export default async function notifyAdminFeed({
  event,
  container,
}: SubscriberArgs<AdminFeedEvent["data"]>) {
  await notifyAdminFeedWorkflow(container).run({
    input: { name: event.name, data: event.data },
  })
}

export const config: SubscriberConfig = {
  event: [
    BankTransferEvents.CUSTOMER_CONFIRMED,
    BankTransferEvents.TRANSACTION_SUGGESTED,
    BankTransferEvents.ESCALATION_RUN_COMPLETED,
    BankTransferEvents.ORDER_NEEDS_ATTENTION,
    BankTransferEvents.MONEY_TO_RETURN,
  ],
  context: { subscriberId: "bank-transfer-notify-admin-feed" },
}
