import { formatMoney, toMinorUnits } from "../money/minor-units"

/** What the guard reads of an expectation (a row of the bank-transfer module). */
export type ExpectationForFulfilment = {
  order_number: string
  status: string
  currency_code: string
  amount_due: unknown
  amount_received: unknown
  amount_remaining: unknown
  /** Medusa's exact form of the bigNumber columns, when the row carries it. */
  raw_amount_due?: { value?: unknown } | null
  raw_amount_received?: { value?: unknown } | null
  raw_amount_remaining?: { value?: unknown } | null
  attention_reason?: string | null
}

/** Statuses in which the order still waits for money that may come. */
const WAITING = new Set([
  "awaiting_transfer",
  "partially_paid",
  "awaiting_customer_confirmation",
  "customer_confirmed",
  "tentatively_canceled",
])

const SETTING = "(Bank transfer setting: block_unpaid_fulfillment)"

/** A bigNumber column as bigint minor units, read from its exact raw value when there is one. */
function minor(
  raw: { value?: unknown } | null | undefined,
  value: unknown,
  currency: string
): bigint {
  const exact = raw?.value ?? value ?? 0
  return toMinorUnits(String(exact), currency)
}

/**
 * Why an order paid by bank transfer may not be fulfilled yet, or null when its transfer is paid.
 * Amounts are formatted with the currency, exactly (bigint minor units, no floats), e.g.
 * "Order #12 is waiting for its bank transfer (1.430.000 ₫ still to receive); it can be fulfilled
 * once it is paid. (Bank transfer setting: block_unpaid_fulfillment)".
 */
export function unpaidFulfilmentRefusal(
  e: ExpectationForFulfilment
): string | null {
  if (e.status === "paid") {
    return null
  }
  const currency = e.currency_code.toUpperCase()
  const order = `Order #${e.order_number}`
  const due = minor(e.raw_amount_due, e.amount_due, currency)
  const received = minor(e.raw_amount_received, e.amount_received, currency)
  const remaining = minor(e.raw_amount_remaining, e.amount_remaining, currency)
  const toReceive = `${formatMoney(remaining, currency)} still to receive`
  const until = "it can be fulfilled once it is paid."
  if (WAITING.has(e.status)) {
    const what =
      received > 0n
        ? `received ${formatMoney(received, currency)} of ${formatMoney(due, currency)}, ${toReceive}`
        : toReceive
    return `${order} is waiting for its bank transfer (${what}); ${until} ${SETTING}`
  }
  if (e.status === "needs_attention") {
    const reason = e.attention_reason ? `: ${e.attention_reason}` : ""
    return `${order}'s bank transfer needs attention${reason} (${toReceive}); ${until} ${SETTING}`
  }
  // canceled, refunded, or a status this guard does not know yet: not paid either.
  return `${order}'s bank transfer is ${e.status.replace(/_/g, " ")}, not paid; ${until} ${SETTING}`
}
