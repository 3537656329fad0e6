import { BankTransferEvents } from "../events"
import type { BankTransferOptions } from "../options"
import { buildInstructions, type ExpectationView } from "./instructions"

export type ShopperMessage =
  keyof BankTransferOptions["notifications"]["templates"]

/** Which message an event sends to the shopper, and the part of its idempotency key. */
export function shopperMessageFor(
  eventName: string,
  data: { step?: string; transaction_id?: string; request_id?: string }
): { message: ShopperMessage; key: string } | null {
  switch (eventName) {
    case BankTransferEvents.EXPECTATION_CREATED:
      return { message: "payment_instructions", key: "instructions" }
    case BankTransferEvents.CONFIRMATION_REQUESTED:
      return {
        message: "confirmation_requested",
        key: data.request_id ?? data.step ?? "confirmation",
      }
    case BankTransferEvents.ORDER_PARTIALLY_PAID:
      // Every part payment is news: keyed by the transaction that brought it.
      return {
        message: "partially_paid",
        key: `partial:${data.transaction_id}`,
      }
    case BankTransferEvents.ORDER_PAID:
      return { message: "paid", key: "paid" }
    case BankTransferEvents.ORDER_TENTATIVELY_CANCELED:
      return { message: "on_hold", key: "on_hold" }
    case BankTransferEvents.ORDER_REVIVED:
      return { message: "revived", key: `revived:${data.transaction_id}` }
    default:
      return null
  }
}

export function paymentPageUrl(
  options: BankTransferOptions,
  pageToken: string
) {
  return `${options.public_url.replace(/\/$/, "")}/bank-transfer/pay/${pageToken}`
}

export type NotificationEvent = {
  name: string
  data: {
    step?: string
    transaction_id?: string
    request_id?: string
    message?: string
  }
}

/**
 * The notification an event sends to the shopper of `expectation`, or null when it sends none.
 * Shared by the notify-shopper subscriber and the escalation job, which sends a batch at a time.
 * The idempotency key per order and message means nobody gets the same message twice.
 */
export async function shopperNotification(
  expectation: ExpectationView & { email?: string | null; page_token: string },
  event: NotificationEvent,
  options: BankTransferOptions
) {
  const what = shopperMessageFor(event.name, event.data)
  if (!what || !expectation.email) {
    return null
  }
  // The QR travels as its payload: a template renders it (or links to the payment page, which shows it).
  const instructions = await buildInstructions(expectation, options, {
    image: false,
  })
  return {
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
  }
}
