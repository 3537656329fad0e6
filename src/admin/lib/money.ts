import type { Amount } from "../../types/http"

/**
 * Amounts come as numbers (bigNumber columns serialised by Medusa), strings (the instructions, the
 * statement preview) or `{ value }` (a raw bigNumber). Returns a decimal string, or null.
 */
export function amountString(amount: Amount): string | null {
  if (amount === null || amount === undefined || amount === "") return null
  if (typeof amount === "object") return amountString(amount.value)
  const s = String(amount).trim()
  return /^-?\d+(\.\d+)?$/.test(s) ? s : null
}

export function amountNumber(amount: Amount): number {
  const s = amountString(amount)
  return s === null ? 0 : Number(s)
}

const formatters = new Map<string, Intl.NumberFormat>()

/**
 * "2.430.000 ₫" for VND (Vietnamese grouping, no decimals), the browser's own conventions for any
 * other currency. An unknown currency code falls back to a plain number plus the code.
 */
export function formatMoney(amount: Amount, currency = "VND"): string {
  const s = amountString(amount)
  if (s === null) return "—"
  const code = (currency || "VND").toUpperCase()
  let f = formatters.get(code)
  if (!f) {
    try {
      f = new Intl.NumberFormat(code === "VND" ? "vi-VN" : undefined, { style: "currency", currency: code })
    } catch {
      f = new Intl.NumberFormat(undefined, { maximumFractionDigits: 4 })
    }
    formatters.set(code, f)
  }
  const text = f.format(Number(s))
  return f.resolvedOptions().style === "currency" ? text : `${text} ${code}`
}

/**
 * What an admin types into an amount field ("2.430.000", "2,430,000", "2430000 đ") as the plain
 * decimal string the API accepts, or null when it is not a positive amount. A single separator
 * followed by one or two digits is read as decimals; otherwise separators are thousands.
 */
export function parseAmountInput(input: string): string | null {
  const s = input.replace(/[^\d.,]/g, "")
  if (!s) return null
  const decimal = s.match(/^(.*\d)[.,](\d{1,2})$/)
  const normalised =
    decimal && !/[.,]/.test(decimal[1]) ? `${decimal[1]}.${decimal[2]}` : s.replace(/[.,]/g, "")
  if (!/^\d{1,15}(\.\d{1,4})?$/.test(normalised) || Number(normalised) <= 0) return null
  return normalised.replace(/^0+(?=\d)/, "")
}

/** a - b for amounts, never below zero (what is still available / remaining). */
export function remainingOf(total: Amount, used: Amount): number {
  return Math.max(0, amountNumber(total) - amountNumber(used))
}
