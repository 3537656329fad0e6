import { BankTransferEvents } from "../../../lib/events"

export type AdminFeedEvent = {
  name: string
  data: {
    id?: string
    order_id?: string
    transaction_id?: string
    confirmation_id?: string
    by_step?: Record<string, number>
    reason?: string
    amount_to_return?: string
  }
}

const STEP_LABELS: Record<string, string> = {
  confirmation_1: "asked to confirm their payment",
  confirmation_2: "asked again to confirm their payment",
  tentative_cancel: "put on hold",
  final_cancel: "cancelled",
}

/** The feed entry for an event: what needs an accountant, and one summary per escalation run. */
export function adminFeedEntry(event: AdminFeedEvent) {
  switch (event.name) {
    case BankTransferEvents.CUSTOMER_CONFIRMED:
      return {
        title: "Shopper says they paid",
        description: `Order ${event.data.order_id}`,
        key: event.data.confirmation_id ?? event.data.order_id,
      }
    case BankTransferEvents.TRANSACTION_SUGGESTED:
      return {
        title: "Transfer waiting for confirmation",
        description: `Transaction ${event.data.transaction_id}`,
        key: event.data.transaction_id,
      }
    case BankTransferEvents.ORDER_NEEDS_ATTENTION:
      return {
        title: "Order needs attention: Medusa refused the capture",
        description:
          `Order ${event.data.order_id}: ${event.data.reason ?? ""}`.trim(),
        key: `${event.data.order_id}:${event.data.reason ?? ""}`,
      }
    case BankTransferEvents.MONEY_TO_RETURN:
      return {
        title: "Money to return",
        description: `Order ${event.data.order_id} was cancelled: ${event.data.amount_to_return} received for it must go back`,
        key: `${event.data.order_id}:to-return`,
      }
    case BankTransferEvents.ESCALATION_RUN_COMPLETED: {
      const parts = Object.entries(event.data.by_step ?? {}).map(
        ([step, n]) => `${n} ${STEP_LABELS[step] ?? step}`
      )
      return {
        title: "Unpaid orders moved along",
        description: parts.join(", "),
        key: event.data.id,
      }
    }
    default:
      return null
  }
}
