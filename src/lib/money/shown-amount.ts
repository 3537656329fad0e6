import {
  AmountError,
  currencyDecimals,
  isCurrencyCode,
  parseAmountInCurrency,
} from "./minor-units"

/** Which way a person writes decimals: "1.280.000,50" (vi) or "1,280,000.50" (en). */
export type AmountStyle = "vi" | "en"

/** Currency marks a shopper may type around an amount: ₫, đ, VND, the order's code, a $ or €. */
const MARKS = /vnd|dong|đồng|[₫đĐ$€£¥]/giu

/**
 * Reads an amount as a person writes it, the way the payment page shows it: "1.280.000",
 * "1.280.000 ₫", "1,280,000", "1280000 VND", "12,50 €" (vi) or "12.50" (en). Grouping must be in
 * threes. A single separator is the decimal mark when it is the `style`'s and the currency has
 * decimals; otherwise it groups thousands when exactly three digits follow it ("1.280" is 1280
 * đồng), and is a decimal mark when not. Returns the amount normalised like parseAmountInCurrency ("1280000", "12.50"), exactly
 * (no floats), or throws an AmountError naming `field`.
 */
export function parseShownAmount(
  value: unknown,
  currency: string,
  field: string,
  style: AmountStyle = "en"
): string {
  if (typeof value !== "string" || !isCurrencyCode(currency)) {
    return parseAmountInCurrency(value, currency, field)
  }
  const code = currency.trim().toUpperCase()
  const text = value
    .replace(MARKS, "")
    .replace(new RegExp(`\\b${code}\\b`, "gi"), "")
    .replace(/[\s\u00a0\u202f']/g, "")
  const shown = value.trim().slice(0, 40)
  const refuse = (): never => {
    throw new AmountError(
      field,
      "not_an_amount",
      `${JSON.stringify(shown)} is not an amount such as "1.280.000" or "1280000"`
    )
  }
  if (!/^[-+]?\d[\d.,]*$/.test(text) || /[.,]$/.test(text)) {
    return refuse()
  }
  const decimalMark = decimalSeparator(text, currencyDecimals(code), style)
  const at = decimalMark ? text.lastIndexOf(decimalMark) : -1
  const whole = at >= 0 ? text.slice(0, at) : text
  const fraction = at >= 0 ? text.slice(at + 1) : ""
  if (/[.,]/.test(fraction)) {
    return refuse()
  }
  const group = /[.,]/.exec(whole)?.[0]
  if (group && !new RegExp(`^[-+]?\\d{1,3}(\\${group}\\d{3})+$`).test(whole)) {
    return refuse()
  }
  const digits = group ? whole.split(group).join("") : whole
  return parseAmountInCurrency(
    fraction ? `${digits}.${fraction}` : digits,
    code,
    field
  )
}

/** The character that separates decimals in `text`, or null when it has none. */
function decimalSeparator(
  text: string,
  decimals: number,
  style: AmountStyle
): "." | "," | null {
  const dots = text.split(".").length - 1
  const commas = text.split(",").length - 1
  if (dots && commas) {
    // Both: the last one written separates the decimals ("1.280.000,50", "1,280,000.50").
    return text.lastIndexOf(".") > text.lastIndexOf(",") ? "." : ","
  }
  if (!dots && !commas) {
    return null
  }
  const mark = dots ? "." : ","
  if (dots + commas > 1) {
    return null
  }
  const after = text.length - text.indexOf(mark) - 1
  if (decimals > 0 && mark === (style === "vi" ? "," : ".")) {
    return mark
  }
  // "1.280" đồng, "1,234" dollars on an English page: a thousands separator.
  return after === 3 ? null : mark
}
