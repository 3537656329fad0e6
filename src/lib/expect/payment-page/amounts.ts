import { formatMoney, toMinorUnits } from "../../money/minor-units"

/** Statuses in which nothing more is to be transferred, whatever the amounts say. */
const CLOSED = ["paid", "canceled", "refunded"]

export type PageAmountsInput = {
  status: string
  currency_code: string
  amount_due: unknown
  amount_received: unknown
  amount_remaining: unknown
}

/**
 * The amounts the payment page shows and its status poll returns: exact decimal strings, the same
 * formatted for people ("1.280.000 ₫"), and whether anything is still owed (`owing`): the page's
 * amount, QR and form exist only then, and always ask for what is still owed. Formatted the way the
 * page's language writes numbers ("1.280.000 ₫" in vi, "₫1,280,000" in en).
 */
export function pageAmounts(e: PageAmountsInput, lang: "vi" | "en" = "vi") {
  const currency = e.currency_code
  const locale = lang === "vi" ? "vi-VN" : "en-US"
  const format = (v: bigint) => formatMoney(v, currency, locale)
  const minor = (v: unknown) => toMinorUnits(String(v ?? "0"), currency)
  const remaining = minor(e.amount_remaining)
  const received = minor(e.amount_received)
  return {
    status: e.status,
    currency_code: currency,
    amount_due: String(e.amount_due),
    amount_received: String(e.amount_received),
    amount_remaining: String(e.amount_remaining),
    owing: !CLOSED.includes(e.status) && remaining > 0n,
    display: {
      amount_due: format(minor(e.amount_due)),
      amount_received: received > 0n ? format(received) : null,
      amount_remaining: format(remaining),
    },
  }
}
