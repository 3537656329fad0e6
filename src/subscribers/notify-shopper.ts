import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"
import { BANK_TRANSFER_MODULE } from "../modules/bank-transfer"
import type BankTransferModuleService from "../modules/bank-transfer/service"
import { BankTransferEvents } from "../lib/events"
import { buildInstructions } from "../lib/instructions"
import { paymentPageUrl, shopperMessageFor } from "../lib/notifications"

type Data = { id: string; order_id?: string; step?: string; transaction_id?: string; request_id?: string; message?: string }

/**
 * Tells the shopper what changed, through Medusa's Notification Module. The idempotency key per
 * order and step means a redelivered event, or two job runs, never send the same message twice.
 */
export default async function notifyShopper({ event, container }: SubscriberArgs<Data>) {
  const what = shopperMessageFor(event.name, event.data)
  if (!what) return
  const service: BankTransferModuleService = container.resolve(BANK_TRANSFER_MODULE)
  const [expectation] = await service.listExpectations({ id: event.data.id })
  if (!expectation?.email) return
  const options = await service.loadOptions()
  const instructions = await buildInstructions(expectation as any, options)
  await container.resolve(Modules.NOTIFICATION).createNotifications({
    to: expectation.email,
    channel: options.notifications.shopper_channel,
    template: options.notifications.templates[what.message],
    trigger_type: event.name,
    resource_id: expectation.order_id,
    resource_type: "order",
    idempotency_key: `bank-transfer:${expectation.id}:${what.key}`,
    data: {
      message_kind: what.message,
      custom_message: event.data.message ?? null,
      payment_url: paymentPageUrl(options, expectation.page_token),
      ...instructions,
      qr: instructions.qr ? { payload: instructions.qr.payload } : null,
    },
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
