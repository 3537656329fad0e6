import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { followMedusaPaymentWorkflow } from "../workflows/expect/follow-medusa-payment"

/** Captures, refunds and cancellations made in Medusa's own admin are reflected on the expectation. */
export default async function medusaPaymentSync({
  event,
  container,
}: SubscriberArgs<{ id: string }>) {
  await followMedusaPaymentWorkflow(container).run({
    input: { name: event.name, id: event.data.id },
  })
}

export const config: SubscriberConfig = {
  event: ["payment.captured", "payment.refunded", "order.canceled"],
  context: { subscriberId: "bank-transfer-medusa-payment-sync" },
}
