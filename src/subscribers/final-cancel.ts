import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { cancelOrderWorkflow } from "@medusajs/medusa/core-flows"
import { BankTransferEvents } from "../lib/events"

/** Opt-in (policy `final_cancel_after`): after the grace period, cancel the order in Medusa. */
export default async function finalCancel({
  event,
  container,
}: SubscriberArgs<{ order_id: string }>) {
  await cancelOrderWorkflow(container).run({
    input: { order_id: event.data.order_id },
  })
}

export const config: SubscriberConfig = {
  event: BankTransferEvents.ORDER_FINALLY_CANCELED,
  context: { subscriberId: "bank-transfer-final-cancel" },
}
