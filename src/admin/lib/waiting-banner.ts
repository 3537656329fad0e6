import { formatMoney, isNonZero } from "./money"
import type { Amount } from "../../types/http"

/** Expectation statuses in which the order waits for its transfer (the banner shows). */
export const WAITING_STATUSES = [
  "awaiting_transfer",
  "partially_paid",
  "awaiting_customer_confirmation",
  "customer_confirmed",
  "tentatively_canceled",
  "needs_attention",
]

export type WaitingBanner = {
  variant: "warning" | "error"
  title: string
  detail: string
}

const AUTHORIZED =
  "Medusa shows the payment as “Authorized” until the money arrives; do not fulfil this order yet."

/**
 * What the top of the order page says while the order waits for its bank transfer, or null once
 * it is paid (or closed). `amount_*` as the API gives them; `attention_reason` may be absent.
 */
export function waitingBanner(e: {
  status: string
  currency_code: string
  amount_due: Amount
  amount_received: Amount
  amount_remaining: Amount
  attention_reason?: string | null
}): WaitingBanner | null {
  if (!WAITING_STATUSES.includes(e.status)) {
    return null
  }
  const money = (a: Amount) => formatMoney(a, e.currency_code)
  const toReceive = isNonZero(e.amount_received)
    ? `received ${money(e.amount_received)} of ${money(e.amount_due)}, ${money(e.amount_remaining)} to receive`
    : `${money(e.amount_remaining)} to receive`
  if (e.status === "needs_attention") {
    return {
      variant: "error",
      title: `The bank transfer needs attention — ${toReceive}.`,
      detail: `${e.attention_reason ? `Reason: ${e.attention_reason}. ` : ""}${AUTHORIZED}`,
    }
  }
  const why: Record<string, string> = {
    awaiting_customer_confirmation:
      "The shopper has been asked to confirm the payment. ",
    customer_confirmed:
      "The shopper says they have paid; the money has not been found yet. ",
    tentatively_canceled:
      "The order is on hold (unpaid); a late payment still revives it. ",
  }
  return {
    variant: "warning",
    title: `Waiting for the bank transfer — ${toReceive}.`,
    detail: `${why[e.status] ?? ""}${AUTHORIZED}`,
  }
}
