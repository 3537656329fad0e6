import { StatementError } from "./types"

const VIETNAM_OFFSET_MS = 7 * 3600 * 1000

/**
 * Amounts as Vietnamese and other banks print them: "1.250.000", "1,250,000", "1.250.000,50",
 * "12.50", "(1,000)", "-500". Returns a decimal string (no float), sign separate.
 */
export function parseAmount(
  raw: unknown,
  location: string,
  decimalSeparator?: "," | "."
): { value: string; negative: boolean } | null {
  if (raw === null || raw === undefined || raw === "") {
    return null
  }
  if (typeof raw === "number") {
    if (!Number.isFinite(raw) || Math.abs(raw) > Number.MAX_SAFE_INTEGER) {
      throw new StatementError(`${raw} is not an amount`, location)
    }
    return { value: String(Math.abs(raw)), negative: raw < 0 }
  }
  let text = String(raw)
    .trim()
    .replace(/\s|VND|VNĐ|đ|₫|USD|EUR|\$/gi, "")
  if (!text) {
    return null
  }
  let negative = false
  if (/^\(.*\)$/.test(text)) {
    ;[negative, text] = [true, text.slice(1, -1)]
  }
  if (text.startsWith("-")) {
    ;[negative, text] = [true, text.slice(1)]
  }
  if (text.startsWith("+")) {
    text = text.slice(1)
  }
  if (!/^[\d.,]+$/.test(text)) {
    throw new StatementError(`"${raw}" is not an amount`, location)
  }
  let decimal: string | null = decimalSeparator ?? null
  if (!decimal) {
    const last = Math.max(text.lastIndexOf("."), text.lastIndexOf(","))
    const thousands =
      /^\d{1,3}([.,]\d{3})+$/.test(text) &&
      !(text.includes(".") && text.includes(","))
    if (last !== -1 && !thousands) {
      decimal = text[last]
    }
  }
  const [whole, fraction = ""] = decimal ? splitLast(text, decimal) : [text, ""]
  const digits = whole.replace(/[.,]/g, "")
  if (!/^\d+$/.test(digits) || /[.,]/.test(fraction)) {
    throw new StatementError(`"${raw}" is not an amount`, location)
  }
  const value = fraction.replace(/0+$/, "")
    ? `${BigInt(digits)}.${fraction}`
    : String(BigInt(digits))
  return { value, negative }
}

function splitLast(text: string, sep: string): [string, string] {
  const i = text.lastIndexOf(sep)
  return i === -1 ? [text, ""] : [text.slice(0, i), text.slice(i + 1)]
}

/** Dates such as "23/11/2026", "23-11-2026 14:05", "2026-11-23": Vietnam time unless a zone is given. */
export function parseDate(
  raw: unknown,
  location: string,
  format: "dd/mm/yyyy" | "yyyy-mm-dd" | "mm/dd/yyyy" = "dd/mm/yyyy"
): Date {
  if (raw instanceof Date) {
    if (isNaN(raw.getTime())) {
      throw new StatementError("invalid date", location)
    }
    // Spreadsheet dates have no zone: their wall-clock value is Vietnamese time.
    return new Date(raw.getTime() - VIETNAM_OFFSET_MS)
  }
  const text = String(raw ?? "").trim()
  let y: number, mo: number, d: number
  const time = text.match(/(\d{1,2}):(\d{2})(?::(\d{2}))?\s*$/)
  const iso = text.match(/^(\d{4})-(\d{2})-(\d{2})/)
  const local = text.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})/)
  if (iso && format !== "mm/dd/yyyy") {
    ;[y, mo, d] = [+iso[1], +iso[2], +iso[3]]
  } else if (local) {
    ;[y, mo, d] =
      format === "mm/dd/yyyy"
        ? [+local[3], +local[1], +local[2]]
        : [+local[3], +local[2], +local[1]]
  } else {
    throw new StatementError(
      `"${text}" is not a date (expected ${format})`,
      location
    )
  }
  const [h, mi, s] = time ? [+time[1], +time[2], +(time[3] ?? 0)] : [0, 0, 0]
  const utc = new Date(Date.UTC(y, mo - 1, d, h, mi, s))
  if (
    utc.getUTCMonth() !== mo - 1 ||
    utc.getUTCDate() !== d ||
    h > 23 ||
    mi > 59 ||
    s > 59
  ) {
    throw new StatementError(`"${text}" is not a real date`, location)
  }
  return new Date(utc.getTime() - VIETNAM_OFFSET_MS)
}

/** Header and memo comparison: lower case, no diacritics, single spaces. */
export function normaliseHeader(text: unknown): string {
  return String(text ?? "")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\(.*?\)/g, " ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
}

/**
 * A calendar date that exists, as an instant: midnight (or the given time) at `offsetHours` east
 * of UTC (Vietnam, +7, by default). 30 February or month 13 is refused naming `location`; it
 * never rolls over into the next month the way `Date.UTC` would.
 */
export function calendarDate(
  y: number,
  mo: number,
  d: number,
  location: string,
  time: { h?: number; mi?: number; s?: number } = {},
  offsetHours = 7
): Date {
  const { h = 0, mi = 0, s = 0 } = time
  const utc = new Date(Date.UTC(y, mo - 1, d, h, mi, s))
  if (
    !Number.isInteger(y) ||
    utc.getUTCFullYear() !== y ||
    utc.getUTCMonth() !== mo - 1 ||
    utc.getUTCDate() !== d ||
    h > 23 ||
    mi > 59 ||
    s > 59
  ) {
    const pad = (n: number) => String(n).padStart(2, "0")
    throw new StatementError(
      `${y}-${pad(mo)}-${pad(d)} is not a real date`,
      location
    )
  }
  return new Date(utc.getTime() - offsetHours * 3600_000)
}
