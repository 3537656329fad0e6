import type { BankTransferLocale } from "./types.ts"

const INTL_LOCALE: Record<BankTransferLocale, string> = {
  vi: "vi-VN",
  en: "en-US",
}

const DECIMAL = /^-?\d+(\.\d+)?$/

/** "vi" for VND, "en" otherwise: the kit's default language for a currency. */
export function defaultLocale(
  currencyCode?: string | null
): BankTransferLocale {
  return !currencyCode || currencyCode.toUpperCase() === "VND" ? "vi" : "en"
}

let stringsSupported: boolean | undefined
/**
 * Whether Intl.NumberFormat formats decimal strings exactly (Intl.NumberFormat v3: Node 19+,
 * Chrome 106+, Safari 15.4+, Firefox 116+). Older engines turn the string into a float first.
 */
function formatsStrings(): boolean {
  if (stringsSupported === undefined) {
    try {
      stringsSupported =
        new Intl.NumberFormat("en", { useGrouping: false }).format(
          "9007199254740993" as any
        ) === "9007199254740993"
    } catch {
      stringsSupported = false
    }
  }
  return stringsSupported
}

/**
 * An amount for people: `amount` a decimal string in the currency's major unit ("1280000",
 * "12.5"), `currencyCode` ISO 4217 in any case → "1.280.000 ₫" (vi), "€12.50" (en). Exact for any
 * size: the string goes to Intl.NumberFormat as a string (never through a float); on engines that
 * cannot format strings the whole part goes as a BigInt and the fraction digits are written in.
 * A value that is not a decimal string comes back as it is.
 */
export function formatAmount(
  amount: string,
  currencyCode: string,
  locale: BankTransferLocale = defaultLocale(currencyCode)
): string {
  const value = String(amount ?? "").trim()
  if (!DECIMAL.test(value)) {
    return value
  }
  let nf: Intl.NumberFormat
  try {
    nf = new Intl.NumberFormat(INTL_LOCALE[locale] ?? locale, {
      style: "currency",
      currency: currencyCode.toUpperCase(),
    })
  } catch {
    return `${value} ${currencyCode.toUpperCase()}`
  }
  if (formatsStrings()) {
    return nf.format(value as Intl.StringNumericLiteral)
  }
  const negative = value.startsWith("-")
  const [whole, fraction = ""] = value.replace(/^-/, "").split(".")
  const digits = nf.resolvedOptions().maximumFractionDigits ?? 0
  const shown = (fraction + "0".repeat(digits)).slice(0, digits)
  return nf
    .formatToParts(negative ? -BigInt(whole) : BigInt(whole))
    .map((p) => (p.type === "fraction" ? shown : p.value))
    .join("")
}

/**
 * An amount as a shopper types it into the "I have paid" form, without currency: "1.280.000" (vi),
 * "1,280,000" (en), "12,50" / "12.50". Same exactness as formatAmount.
 */
export function formatPlainAmount(
  amount: string,
  currencyCode: string,
  locale: BankTransferLocale = defaultLocale(currencyCode)
): string {
  const value = String(amount ?? "").trim()
  if (!DECIMAL.test(value)) {
    return value
  }
  let digits = 0
  try {
    digits =
      new Intl.NumberFormat("en", {
        style: "currency",
        currency: currencyCode.toUpperCase(),
      }).resolvedOptions().maximumFractionDigits ?? 0
  } catch {}
  const [whole, fraction = ""] = value.replace(/^-/, "").split(".")
  const group = locale === "vi" ? "." : ","
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group)
  const shown = digits ? (fraction + "0".repeat(digits)).slice(0, digits) : ""
  return `${value.startsWith("-") ? "-" : ""}${grouped}${
    shown ? (locale === "vi" ? "," : ".") + shown : ""
  }`
}

/**
 * The last day to pay, for people. `deadline` (ISO 8601) is the instant the order goes on hold,
 * 00:00 of a day in the shop's time zone, so the shopper's last day is the one before ("Tuesday,
 * 8 December 2026", paid by the end of it). The day is taken in the shop's zone: Asia/Ho_Chi_Minh
 * for VND unless `timeZone` is given, otherwise the browser's. "" for null or an invalid date.
 */
export function formatDeadline(
  iso: string | null | undefined,
  currencyCode: string,
  locale: BankTransferLocale = defaultLocale(currencyCode),
  timeZone?: string
): string {
  if (!iso) {
    return ""
  }
  const due = new Date(iso)
  if (Number.isNaN(due.getTime())) {
    return ""
  }
  const lastMoment = new Date(due.getTime() - 1)
  const zone =
    timeZone ??
    (currencyCode.toUpperCase() === "VND" ? "Asia/Ho_Chi_Minh" : undefined)
  try {
    return new Intl.DateTimeFormat(INTL_LOCALE[locale] ?? locale, {
      dateStyle: "full",
      timeZone: zone,
    }).format(lastMoment)
  } catch {
    return lastMoment.toISOString().slice(0, 10)
  }
}

/** Today's date as YYYY-MM-DD in `timeZone` (the browser's when absent), for the paid-on field. */
export function todayIn(timeZone?: string, now: Date = new Date()): string {
  try {
    // en-CA writes dates as YYYY-MM-DD
    return new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    }).format(now)
  } catch {
    return now.toISOString().slice(0, 10)
  }
}
