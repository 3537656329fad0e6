import { BankTransferEvents } from "./events"
import type { BankTransferOptions } from "./options"

export type ShopperMessage = keyof BankTransferOptions["notifications"]["templates"]

/** Which message an event sends to the shopper, and the part of its idempotency key. */
export function shopperMessageFor(
  eventName: string,
  data: { step?: string; transaction_id?: string; request_id?: string }
): { message: ShopperMessage; key: string } | null {
  switch (eventName) {
    case BankTransferEvents.EXPECTATION_CREATED:
      return { message: "payment_instructions", key: "instructions" }
    case BankTransferEvents.CONFIRMATION_REQUESTED:
      return { message: "confirmation_requested", key: data.request_id ?? data.step ?? "confirmation" }
    case BankTransferEvents.ORDER_PARTIALLY_PAID:
      // Every part payment is news: keyed by the transaction that brought it.
      return { message: "partially_paid", key: `partial:${data.transaction_id}` }
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

export function paymentPageUrl(options: BankTransferOptions, pageToken: string) {
  return `${options.public_url.replace(/\/$/, "")}/bank-transfer/pay/${pageToken}`
}
