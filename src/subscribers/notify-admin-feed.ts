import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"
import { BANK_TRANSFER_MODULE } from "../modules/bank-transfer"
import type BankTransferModuleService from "../modules/bank-transfer/service"
import { BankTransferEvents } from "../lib/events"

const TITLES: Record<string, string> = {
  [BankTransferEvents.CUSTOMER_CONFIRMED]: "Shopper says they paid",
  [BankTransferEvents.TRANSACTION_SUGGESTED]: "Transfer waiting for confirmation",
  [BankTransferEvents.ORDER_TENTATIVELY_CANCELED]: "Unpaid order put on hold",
}

/** What needs an accountant shows up in the admin's notification feed. */
export default async function notifyAdminFeed({ event, container }: SubscriberArgs<{ id?: string; order_id?: string; transaction_id?: string; confirmation_id?: string }>) {
  const service: BankTransferModuleService = container.resolve(BANK_TRANSFER_MODULE)
  if (!(await service.loadOptions()).notifications.admin_feed) return
  const subject = event.data.order_id ?? event.data.transaction_id ?? event.data.id
  await container.resolve(Modules.NOTIFICATION).createNotifications({
    to: "",
    channel: "feed",
    template: "admin-ui",
    trigger_type: event.name,
    resource_id: subject,
    idempotency_key: `bank-transfer:feed:${event.name}:${event.data.confirmation_id ?? subject}`,
    data: {
      title: TITLES[event.name],
      description: event.data.order_id ? `Order ${event.data.order_id}` : `Transaction ${event.data.transaction_id}`,
    },
  })
}

export const config: SubscriberConfig = {
  event: Object.keys(TITLES),
  context: { subscriberId: "bank-transfer-notify-admin-feed" },
}
