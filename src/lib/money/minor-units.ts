import { data as iso4217 } from "currency-codes"

/**
 * Exact money: amounts in minor units as bigint (VND has none, so 1 đồng = 1), converted from and
 * to the decimal strings Medusa's BigNumber and the banks use. Never through a float.
 *
 * The minor units are ISO 4217's own (list one, through the `currency-codes` package), not the
 * CLDR digits that Intl uses for display: ISO gives IDR, HUF and COP two decimals where CLDR shows
 * none, and a bank statement in those currencies carries ISO's two. Codes that ISO marks "N.A."
 * (gold, SDR, the test code XTS…) come from that package as 0. An unknown code is an error, never a
 * guess of 2.
 */
const EXPONENTS: ReadonlyMap<string, number> = new Map(
  iso4217.map((c) => [c.code.toUpperCase(), c.digits])
)

/** A currency code that ISO 4217 does not list (or no longer lists: HRK, VEF, ZWL…). */
export class UnknownCurrencyError extends Error {
  constructor(public readonly currency: string) {
    super(`${JSON.stringify(currency)} is not an ISO 4217 currency code`)
    this.name = "UnknownCurrencyError"
  }
}

/** True for a code listed in ISO 4217 (any case). */
export function isCurrencyCode(currency: unknown): currency is string {
  return (
    typeof currency === "string" && EXPONENTS.has(currency.trim().toUpperCase())
  )
}

/** ISO 4217 minor units: 0 for VND and JPY, 2 for USD and IDR, 3 for KWD, 4 for CLF. Throws for an unknown code. */
export function currencyDecimals(currency: string): number {
  const digits =
    typeof currency === "string"
      ? EXPONENTS.get(currency.trim().toUpperCase())
      : undefined
  if (digits === undefined) {
    throw new UnknownCurrencyError(String(currency))
  }
  return digits
}

/** "1250000" → 1250000n (VND); "12.5" → 1250n (USD). Refuses more decimals than the currency has. */
export function toMinorUnits(
  value: string | number | { toString(): string },
  currency: string
): bigint {
  const text =
    typeof value === "number" ? numberToDecimal(value) : String(value).trim()
  const m = text.match(/^(-)?(\d+)(?:\.(\d+))?$/)
  if (!m) {
    throw new Error(`"${text}" is not a decimal amount`)
  }
  const [, sign, whole, fraction = ""] = m
  const decimals = currencyDecimals(currency)
  const significant = fraction.replace(/0+$/, "")
  if (significant.length > decimals) {
    throw new Error(
      `${text} has more decimals than ${currency.toUpperCase()} allows (${decimals})`
    )
  }
  const minor = BigInt(whole + significant.padEnd(decimals, "0"))
  return sign ? -minor : minor
}

function numberToDecimal(n: number): string {
  if (!Number.isFinite(n)) {
    throw new Error(`${n} is not an amount`)
  }
  const text = String(n)
  if (/e/i.test(text)) {
    throw new Error(`${n} cannot be represented exactly; pass a decimal string`)
  }
  return text
}

/** 1250000n → "1250000" (VND); 1250n → "12.50" (USD). */
export function fromMinorUnits(minor: bigint, currency: string): string {
  const decimals = currencyDecimals(currency)
  const negative = minor < 0n
  const digits = (negative ? -minor : minor)
    .toString()
    .padStart(decimals + 1, "0")
  const whole = decimals ? digits.slice(0, -decimals) : digits
  const text = decimals ? `${whole}.${digits.slice(-decimals)}` : whole
  return negative ? `-${text}` : text
}

export type AmountErrorReason =
  | "not_an_amount"
  | "too_many_decimals"
  | "unknown_currency"
  | "not_positive"
  | "negative"
  | "too_large"

/**
 * An amount refused at an entry point (a webhook, a statement line, a manual match, a setting).
 * The message names the field first, e.g. `amount: 1000.5 has more decimals than VND allows (0)`,
 * so that a route can answer 400 with it as it is.
 */
export class AmountError extends Error {
  constructor(
    public readonly field: string,
    public readonly reason: AmountErrorReason,
    detail: string
  ) {
    super(`${field}: ${detail}`)
    this.name = "AmountError"
  }
}

export type AmountRules = {
  /** Accept 0 (a tolerance, a write-off). Default false: an amount of money moved is positive. */
  allowZero?: boolean
  /** Accept a leading "-". Default false. */
  allowNegative?: boolean
  /** Digits before the decimal point, at most. Default 15 (what the webhook schemas allow). */
  maxIntegerDigits?: number
}

/**
 * Reads an amount as written by a machine ("1250000", "12.5", 12.5, "0012.50") in `currency`, and
 * returns it normalised with exactly the currency's decimals ("1250000" for VND, "12.50" for USD),
 * or throws an AmountError naming `field`. Thousands separators are not read here: a statement's
 * printed numbers go through its own parser first.
 */
export function parseAmountInCurrency(
  value: unknown,
  currency: string,
  field: string,
  rules: AmountRules = {}
): string {
  const {
    allowZero = false,
    allowNegative = false,
    maxIntegerDigits = 15,
  } = rules
  if (!isCurrencyCode(currency)) {
    throw new AmountError(
      field,
      "unknown_currency",
      `${JSON.stringify(currency ?? null)} is not an ISO 4217 currency code`
    )
  }
  const code = currency.trim().toUpperCase()
  let text: string
  if (typeof value === "number") {
    if (!Number.isFinite(value) || /e/i.test(String(value))) {
      throw new AmountError(
        field,
        "not_an_amount",
        `${value} is not an exact amount; send a decimal string`
      )
    }
    text = String(value)
  } else if (typeof value === "bigint") {
    text = value.toString()
  } else if (typeof value === "string") {
    text = value.trim()
  } else {
    throw new AmountError(
      field,
      "not_an_amount",
      `${value === null || value === undefined ? "missing" : `a ${typeof value}`}, expected a decimal amount such as "1250000" or "12.50"`
    )
  }
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text
  const m = text.match(/^([-+])?(\d+)(?:\.(\d+))?$/)
  if (!m) {
    throw new AmountError(
      field,
      "not_an_amount",
      `${JSON.stringify(shown)} is not a decimal amount such as "1250000" or "12.50"`
    )
  }
  const [, sign, whole, fraction = ""] = m
  const decimals = currencyDecimals(code)
  const significant = fraction.replace(/0+$/, "")
  if (significant.length > decimals) {
    throw new AmountError(
      field,
      "too_many_decimals",
      `${shown} has more decimals than ${code} allows (${decimals})`
    )
  }
  const digits = whole.replace(/^0+(?=\d)/, "")
  if (digits.length > maxIntegerDigits) {
    throw new AmountError(
      field,
      "too_large",
      `${shown} has more than ${maxIntegerDigits} digits before the decimal point`
    )
  }
  const minor = BigInt(digits + significant.padEnd(decimals, "0"))
  const negative = sign === "-" && minor !== 0n
  if (negative && !allowNegative) {
    throw new AmountError(field, "negative", `${shown} is negative`)
  }
  if (minor === 0n && !allowZero) {
    throw new AmountError(
      field,
      "not_positive",
      `${shown} is not a positive amount`
    )
  }
  return fromMinorUnits(negative ? -minor : minor, code)
}

/** "20.000 ₫", "$12.50": for reasons and messages people read. */
export { formatMoney } from "./format"
