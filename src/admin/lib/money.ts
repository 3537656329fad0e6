import { data as iso4217 } from "currency-codes"
import type { Amount } from "../../types/http"

/**
 * ISO 4217 minor units (the same package as the server's src/lib/money/minor-units.ts), not Intl's CLDR
 * display digits, which show IDR, HUF or COP without the two decimals ISO gives them.
 */
const EXPONENTS = new Map(iso4217.map((c) => [c.code.toUpperCase(), c.digits]))

/** The currency's ISO 4217 decimals, or null for a code ISO does not list. */
export function currencyDecimals(currency: string): number | null {
  return EXPONENTS.get((currency || "").trim().toUpperCase()) ?? null
}

/**
 * Amounts come as numbers (bigNumber columns serialised by Medusa), strings (the instructions, the
 * statement preview) or `{ value }` (a raw bigNumber). Returns a decimal string, or null.
 */
export function amountString(amount: Amount): string | null {
  if (amount === null || amount === undefined || amount === "") {
    return null
  }
  if (typeof amount === "object") {
    return amountString(amount.value)
  }
  const s = String(amount).trim()
  return /^-?\d+(\.\d+)?$/.test(s) ? s : null
}

/** Whether an amount is there and not zero, read from its decimal string (no float). */
export function isNonZero(amount: Amount): boolean {
  return /[1-9]/.test(amountString(amount) ?? "")
}

const formatters = new Map<string, Intl.NumberFormat>()

/**
 * Money in the admin's language (`locale`, e.g. i18next's "vi" or "en"): "2.430.000 ₫" in
 * Vietnamese, "₫2,430,000" in English, with the currency's ISO 4217 decimals. Without a locale, VND
 * is shown the Vietnamese way and other currencies in the browser's conventions. An unknown
 * currency code falls back to a plain number plus the code. The amount is read from its decimal
 * string and handed to Intl as that string (Intl.NumberFormat v3 formats a decimal string
 * exactly), never through a float: 90071992547409.93 stays .93.
 */
export function formatMoney(
  amount: Amount,
  currency = "VND",
  locale?: string
): string {
  const s = amountString(amount)
  if (s === null) {
    return "—"
  }
  const code = (currency || "VND").toUpperCase()
  const key = `${locale ?? ""}|${code}`
  let f = formatters.get(key)
  if (!f) {
    const digits = currencyDecimals(code)
    const fraction =
      digits === null
        ? {}
        : { minimumFractionDigits: digits, maximumFractionDigits: digits }
    const lang = locale ?? (code === "VND" ? "vi-VN" : undefined)
    try {
      if (digits === null) {
        throw new Error(`${code} is not an ISO 4217 currency`)
      }
      f = new Intl.NumberFormat(safeLocale(lang), {
        style: "currency",
        currency: code,
        ...fraction,
      })
    } catch {
      f = new Intl.NumberFormat(safeLocale(lang), { maximumFractionDigits: 4 })
    }
    formatters.set(key, f)
  }
  const text = f.format(s as unknown as number)
  return f.resolvedOptions().style === "currency" ? text : `${text} ${code}`
}

/** A plain count or share in the admin's language ("1.234" in Vietnamese, "1,234" in English). */
export function formatNumber(value: number, locale?: string): string {
  return new Intl.NumberFormat(safeLocale(locale)).format(value)
}

/** A language tag Intl accepts, or undefined (the browser's) for one it does not. */
export function safeLocale(locale: string | undefined): string | undefined {
  if (!locale) {
    return undefined
  }
  try {
    return Intl.getCanonicalLocales(locale)[0]
  } catch {
    return undefined
  }
}

/**
 * What an admin types into an amount field ("2.430.000", "2,430,000", "2430000 đ") as the plain
 * decimal string the API accepts, or null when it is not a positive amount. A single separator
 * followed by one or two digits is read as decimals; otherwise separators are thousands. Given the
 * currency, a single separator followed by up to its ISO decimals (three for KWD) is read as
 * decimals, and an amount finer than the currency allows ("1000.5" đồng) is null.
 */
export function parseAmountInput(
  input: string,
  currency?: string
): string | null {
  const s = input.replace(/[^\d.,]/g, "")
  if (!s) {
    return null
  }
  const digits = currency ? currencyDecimals(currency) : null
  const decimal = s.match(
    digits !== null && digits > 2
      ? /^(.*\d)[.,](\d{1,3})$/
      : /^(.*\d)[.,](\d{1,2})$/
  )
  const normalised =
    decimal && !/[.,]/.test(decimal[1])
      ? `${decimal[1]}.${decimal[2]}`
      : s.replace(/[.,]/g, "")
  if (!/^\d{1,15}(\.\d{1,4})?$/.test(normalised) || Number(normalised) <= 0) {
    return null
  }
  if (
    digits !== null &&
    (normalised.split(".")[1] ?? "").replace(/0+$/, "").length > digits
  ) {
    return null
  }
  return normalised.replace(/^0+(?=\d)/, "")
}

// Exact arithmetic on decimal amounts: BigInt units of 10^-SCALE (no float rounding, any size).
const SCALE = 12
const UNIT = BigInt(10) ** BigInt(SCALE)

function toUnits(amount: Amount): bigint {
  const s = amountString(amount)
  if (s === null) {
    return BigInt(0)
  }
  const negative = s.startsWith("-")
  const [whole, fraction = ""] = s.replace(/^-/, "").split(".")
  const units =
    BigInt(whole) * UNIT +
    BigInt((fraction + "0".repeat(SCALE)).slice(0, SCALE))
  return negative ? -units : units
}

function fromUnits(units: bigint): string {
  const negative = units < BigInt(0)
  const abs = negative ? -units : units
  const fraction = (abs % UNIT)
    .toString()
    .padStart(SCALE, "0")
    .replace(/0+$/, "")
  const text = `${abs / UNIT}${fraction ? `.${fraction}` : ""}`
  return negative ? `-${text}` : text
}

/** The exact sum of amounts (unreadable ones count as 0), as a decimal string. */
export function sumAmounts(amounts: Amount[]): string {
  return fromUnits(amounts.reduce<bigint>((s, a) => s + toUnits(a), BigInt(0)))
}

/** a - b exactly, never below zero (what is still available / remaining), as a decimal string. */
export function remainingAmount(total: Amount, used: Amount): string {
  const d = toUnits(total) - toUnits(used)
  return fromUnits(d > BigInt(0) ? d : BigInt(0))
}

/** -1, 0 or 1 as a is less than, equal to or more than b, compared exactly. */
export function compareAmounts(a: Amount, b: Amount): -1 | 0 | 1 {
  const d = toUnits(a) - toUnits(b)
  return d < BigInt(0) ? -1 : d > BigInt(0) ? 1 : 0
}

/** The smaller of two amounts, exactly, as a decimal string. */
export function minAmount(a: Amount, b: Amount): string {
  return compareAmounts(a, b) <= 0
    ? fromUnits(toUnits(a))
    : fromUnits(toUnits(b))
}
