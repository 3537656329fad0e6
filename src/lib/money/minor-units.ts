/**
 * Exact money: amounts in minor units as bigint (VND has none, so 1 đồng = 1), converted from and
 * to the decimal strings Medusa's BigNumber and the banks use. Never through a float.
 */
const ZERO_DECIMAL = new Set(["VND", "JPY", "KRW", "CLP", "ISK", "UGX", "XAF", "XOF", "PYG", "RWF", "KMF", "GNF", "VUV", "XPF", "BIF", "DJF", "MGA"])
const THREE_DECIMAL = new Set(["BHD", "JOD", "KWD", "OMR", "TND", "IQD", "LYD"])

export function currencyDecimals(currency: string): number {
  const code = currency.toUpperCase()
  if (ZERO_DECIMAL.has(code)) return 0
  if (THREE_DECIMAL.has(code)) return 3
  return 2
}

/** "1250000" → 1250000n (VND); "12.5" → 1250n (USD). Refuses more decimals than the currency has. */
export function toMinorUnits(value: string | number | { toString(): string }, currency: string): bigint {
  const text = typeof value === "number" ? numberToDecimal(value) : String(value).trim()
  const m = text.match(/^(-)?(\d+)(?:\.(\d+))?$/)
  if (!m) throw new Error(`"${text}" is not a decimal amount`)
  const [, sign, whole, fraction = ""] = m
  const decimals = currencyDecimals(currency)
  const significant = fraction.replace(/0+$/, "")
  if (significant.length > decimals) {
    throw new Error(`${text} has more decimals than ${currency.toUpperCase()} allows (${decimals})`)
  }
  const minor = BigInt(whole + significant.padEnd(decimals, "0"))
  return sign ? -minor : minor
}

function numberToDecimal(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`${n} is not an amount`)
  const text = String(n)
  if (/e/i.test(text)) throw new Error(`${n} cannot be represented exactly; pass a decimal string`)
  return text
}

/** 1250000n → "1250000" (VND); 1250n → "12.50" (USD). */
export function fromMinorUnits(minor: bigint, currency: string): string {
  const decimals = currencyDecimals(currency)
  const negative = minor < 0n
  const digits = (negative ? -minor : minor).toString().padStart(decimals + 1, "0")
  const whole = decimals ? digits.slice(0, -decimals) : digits
  const text = decimals ? `${whole}.${digits.slice(-decimals)}` : whole
  return negative ? `-${text}` : text
}

/** "20.000 ₫", "$12.50": for reasons and messages people read. */
export { formatMoney } from "./format"
