/** Expectations that can still receive money. A tentatively cancelled order stays payable. */
export const OPEN_STATUSES = [
  "awaiting_transfer",
  "partially_paid",
  "awaiting_customer_confirmation",
  "customer_confirmed",
  "tentatively_canceled",
] as const

/** The status after money arrived: paid when nothing (beyond the write-off) remains. */
export function nextStatusAfterPayment(
  current: string,
  fullyPaid: boolean,
  anyReceived: boolean
): string {
  if (fullyPaid) {
    return "paid"
  }
  if (anyReceived) {
    return "partially_paid"
  }
  return current
}
