import { safeLocale } from "./money"

/**
 * Dates as the accountant reads them, in the admin's language (`locale`; the browser's without one) and, given the shop's time zone
 * (settings.calendar.time_zone), in that zone: a bank books in the shop's day, not the viewer's.
 * Without one, the browser's time zone (the merchant's desk). Invalid or missing dates show a
 * dash rather than "Invalid Date".
 */
export function formatDateTime(
  value: string | Date | null | undefined,
  timeZone?: string,
  locale?: string
): string {
  const d = toDate(value)
  if (!d) {
    return "—"
  }
  return d.toLocaleString(safeLocale(locale), {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    // Banks and statements book on a 24-hour clock: "14:15", never "02:15 PM".
    hourCycle: "h23",
    ...zone(timeZone),
  })
}

/**
 * "30/11/2026 09:15": day, month, year, 24-hour time, in the shop's time zone when given. Short
 * enough for a sentence ("Already received via SePay on 30/11/2026 09:15").
 */
export function formatShortDateTime(
  value: string | Date | null | undefined,
  timeZone?: string
): string {
  const d = toDate(value)
  if (!d) {
    return "—"
  }
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      ...zone(timeZone),
    })
      .formatToParts(d)
      .map((p) => [p.type, p.value])
  )
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`
}

function toDate(value: string | Date | null | undefined): Date | null {
  if (!value) {
    return null
  }
  const d = new Date(value)
  return Number.isNaN(d.getTime()) ? null : d
}

/** An unknown zone name would make Intl throw: it falls back to the browser's zone. */
function zone(timeZone: string | undefined): { timeZone?: string } {
  if (!timeZone) {
    return {}
  }
  try {
    new Intl.DateTimeFormat(undefined, { timeZone })
    return { timeZone }
  } catch {
    return {}
  }
}

export function formatDate(
  value: string | Date | null | undefined,
  locale?: string
): string {
  if (!value) {
    return "—"
  }
  const d = new Date(`${value}`.length === 10 ? `${value}T00:00:00` : value)
  if (Number.isNaN(d.getTime())) {
    return "—"
  }
  return d.toLocaleDateString(safeLocale(locale), {
    year: "numeric",
    month: "short",
    day: "numeric",
  })
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
