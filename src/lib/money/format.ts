import { currencyDecimals } from "./minor-units"

/**
 * Formats bigint minor units for the reasons shown to accountants ("20.000 ₫", "$12.50").
 * Intl formatters are costly to build, so one is kept per currency.
 */
const formatters = new Map<string, { nf: Intl.NumberFormat; digits: number }>()

function formatterFor(currency: string, wanted?: string) {
  const key = `${wanted ?? ""}|${currency}`
  let f = formatters.get(key)
  if (!f) {
    // Vietnamese grouping for the đồng ("1.500.000 ₫"), English for everything else, unless the
    // reader's locale is given (an English page shows "₫1,500,000").
    const locale = wanted ?? (currency === "VND" ? "vi-VN" : "en-US")
    // The minor units are the ISO ones that toMinorUnits used (Intl shows IDR, HUF or COP without
    // decimals although they have two): the formatter is told to show exactly those.
    const digits = currencyDecimals(currency)
    const fraction = {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }
    let nf: Intl.NumberFormat
    try {
      nf = new Intl.NumberFormat(locale, {
        style: "currency",
        currency,
        ...fraction,
      })
    } catch {
      nf = new Intl.NumberFormat("en-US", fraction)
    }
    f = { nf, digits }
    formatters.set(key, f)
  }
  return f
}

/**
 * `amount` in minor units of `currency` → a localised string, exact (no float rounding); `locale`
 * (e.g. "en-US") chooses the grouping and symbol's place, else the currency's own.
 */
export function formatMoney(
  amount: bigint,
  currency: string,
  locale?: string
): string {
  const { nf, digits } = formatterFor(currency.toUpperCase(), locale)
  const negative = amount < 0n
  const abs = negative ? -amount : amount
  let decimal: string
  if (digits === 0) {
    decimal = abs.toString()
  } else {
    const s = abs.toString().padStart(digits + 1, "0")
    decimal = `${s.slice(0, -digits)}.${s.slice(-digits)}`
  }
  // format() takes a decimal string exactly (Intl.NumberFormat v3), so large amounts stay exact.
  return nf.format((negative ? `-${decimal}` : decimal) as unknown as number)
}
