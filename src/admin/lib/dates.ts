/**
 * Dates as the accountant reads them, in the browser's locale and time zone (the merchant's desk).
 * Invalid or missing dates show a dash rather than "Invalid Date".
 */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return "—"
  const d = new Date(value)
  if (Number.isNaN(d.getTime())) return "—"
  return d.toLocaleString(undefined, { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" })
}

export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return "—"
  const d = new Date(`${value}`.length === 10 ? `${value}T00:00:00` : value)
  if (Number.isNaN(d.getTime())) return "—"
  return d.toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" })
}

/**
 * The range of an <input type="date"> pair as ISO instants for the API: `from` at the start of its
 * day and `to` at the end of its day, both in the browser's time zone, so "to 23 Nov" includes the
 * transfers booked on the 23rd.
 */
export function dayStartIso(day: string | undefined): string | undefined {
  return day ? new Date(`${day}T00:00:00`).toISOString() : undefined
}

export function dayEndIso(day: string | undefined): string | undefined {
  return day ? new Date(`${day}T23:59:59.999`).toISOString() : undefined
}
