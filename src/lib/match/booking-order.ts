/**
 * A transfer booked before its order was placed cannot pay it: the shopper learns the order's
 * reference and amount only once the order exists. Such a (transaction, order) pair is never matched
 * nor suggested.
 *
 * Statement lines carry a date without a time (they are booked at 00:00 of that day in the shop's
 * zone), so the comparison is by calendar day in the shop's time zone (`calendar.time_zone`, default
 * Asia/Ho_Chi_Minh): a transaction is excluded when its booking day is strictly before the day the
 * order was placed. A transfer booked the same day as the order (even at an earlier hour, as a
 * date-only line always is) stays a candidate.
 */
export const DEFAULT_TIME_ZONE = "Asia/Ho_Chi_Minh"

const formatters = new Map<string, Intl.DateTimeFormat>()

/** "YYYY-MM-DD" of an instant in a time zone (IANA name). */
export function calendarDay(at: Date, timeZone: string): string {
  let f = formatters.get(timeZone)
  if (!f) {
    // en-CA formats dates as YYYY-MM-DD.
    f = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    })
    formatters.set(timeZone, f)
  }
  return f.format(at)
}

/** True when the transaction was booked on a calendar day before the one the order was placed on. */
export function bookedBeforePlaced(
  bookedAt: Date,
  placedAt: Date,
  timeZone: string = DEFAULT_TIME_ZONE
): boolean {
  // Most pairs are booked after the order: no calendar arithmetic for them.
  if (bookedAt.getTime() >= placedAt.getTime()) {
    return false
  }
  return calendarDay(bookedAt, timeZone) < calendarDay(placedAt, timeZone)
}
