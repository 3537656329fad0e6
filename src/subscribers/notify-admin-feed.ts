import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"
import { BANK_TRANSFER_MODULE } from "../modules/bank-transfer"
import type BankTransferModuleService from "../modules/bank-transfer/service"
import { BankTransferEvents } from "../lib/events"

type Data = { id?: string; order_id?: string; transaction_id?: string; confirmation_id?: string; by_step?: Record<string, number> }

const STEP_LABELS: Record<string, string> = {
  confirmation_1: "asked to confirm their payment",
  confirmation_2: "asked again to confirm their payment",
  tentative_cancel: "put on hold",
  final_cancel: "cancelled",
}

/** The feed entry for an event: what needs an accountant, and one summary per escalation run. */
function entryFor(event: { name: string; data: Data }) {
  switch (event.name) {
    case BankTransferEvents.CUSTOMER_CONFIRMED:
      return { title: "Shopper says they paid", description: `Order ${event.data.order_id}`, key: event.data.confirmation_id ?? event.data.order_id }
    case BankTransferEvents.TRANSACTION_SUGGESTED:
      return { title: "Transfer waiting for confirmation", description: `Transaction ${event.data.transaction_id}`, key: event.data.transaction_id }
    case BankTransferEvents.ESCALATION_RUN_COMPLETED: {
      const parts = Object.entries(event.data.by_step ?? {}).map(([step, n]) => `${n} ${STEP_LABELS[step] ?? step}`)
      return { title: "Unpaid orders moved along", description: parts.join(", "), key: event.data.id }
    }
    default:
      return null
  }
}

/** What needs an accountant shows up in the admin's notification feed. */
export default async function notifyAdminFeed({ event, container }: SubscriberArgs<Data>) {
  const service: BankTransferModuleService = container.resolve(BANK_TRANSFER_MODULE)
  const entry = entryFor(event)
  if (!entry || !(await service.loadOptions()).notifications.admin_feed) return
  await container.resolve(Modules.NOTIFICATION).createNotifications({
    to: "",
    channel: "feed",
    template: "admin-ui",
    trigger_type: event.name,
    resource_id: event.data.order_id ?? event.data.transaction_id ?? event.data.id,
    idempotency_key: `bank-transfer:feed:${event.name}:${entry.key}`,
    data: { title: entry.title, description: entry.description },
  })
}

export const config: SubscriberConfig = {
  event: [BankTransferEvents.CUSTOMER_CONFIRMED, BankTransferEvents.TRANSACTION_SUGGESTED, BankTransferEvents.ESCALATION_RUN_COMPLETED],
  context: { subscriberId: "bank-transfer-notify-admin-feed" },
}
