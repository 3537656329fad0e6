/** Statuses in which the shopper has nothing left to say "I have paid" about. */
const SETTLED = ["paid", "canceled", "refunded"]

/** Whether "I have paid" still makes sense for an order in this status (it still waits for money). */
export function canConfirm(status: string): boolean {
  return !SETTLED.includes(status)
}

/**
 * Whether an order's payment-page token has expired at `now`: `ttlDays` after the order was paid
 * (`paid_at`), or, for a cancelled or refunded order, after its last change (`updated_at`: the
 * closing itself, or a later admin action). A token of an order still waiting for money never expires.
 */
export function pageTokenExpired(
  e: {
    status: string
    paid_at?: Date | string | null
    updated_at?: Date | string | null
  },
  ttlDays: number,
  now = new Date()
): boolean {
  if (!SETTLED.includes(e.status)) {
    return false
  }
  const since =
    e.status === "paid"
      ? (e.paid_at ?? e.updated_at)
      : (e.updated_at ?? e.paid_at)
  if (!since) {
    return false
  }
  return now.getTime() - new Date(since).getTime() > ttlDays * 86_400_000
}

/** A URL with payment-page tokens replaced, for logs: `/bank-transfer/pay/…/status`, `?token=…`. */
export function redactTokens(url: string): string {
  return url
    .replace(/(\/bank-transfer\/pay\/)[^/?#]+/, "$1…")
    .replace(/([?&]token=)[^&#]*/g, "$1…")
}
