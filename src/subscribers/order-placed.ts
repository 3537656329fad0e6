import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { createExpectationWorkflow } from "../workflows/expect/create-expectation"

/** An order paid by bank transfer starts expecting its money the moment it is placed. */
export default async function orderPlacedHandler({
  event,
  container,
}: SubscriberArgs<{ id: string }>) {
  await createExpectationWorkflow(container).run({
    input: { order_id: event.data.id },
  })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "bank-transfer-order-placed" },
}
