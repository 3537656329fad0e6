import { isInteger, isSafeNumber, parse } from "lossless-json"

/**
 * JSON.parse that keeps big integers exact (RFC 8259 text, read by the `lossless-json` library).
 *
 * Aggregators send 64-bit ids as bare JSON numbers (SePay's `id` may reach
 * 9,223,372,036,854,775,807), and `JSON.parse` turns every number into an IEEE-754 double: past
 * 2^53 − 1 digits are silently lost (…807 becomes …808). Here an integer that is not a safe
 * integer is kept as its digit string, every other number becomes a JS number:
 * `{"id": 9223372036854775807}` parses as `{ id: "9223372036854775807" }`. Fractions and exponents
 * are read as numbers (no money is sent that way by these channels). Invalid JSON throws a
 * SyntaxError, as JSON.parse does.
 */
export function parseJsonLossless(text: string): unknown {
  return parse(text, null, (digits) =>
    isInteger(digits) && !isSafeNumber(digits) ? digits : Number(digits)
  )
}

/**
 * An integer sent as a JSON number or as a string of digits, as exact decimal text (a big integer
 * parsed by `parseJsonLossless` is already a string). Null when it is neither.
 */
export function integerText(value: unknown): string | null {
  if (typeof value === "number") {
    return Number.isSafeInteger(value) ? String(value) : null
  }
  if (typeof value === "string" && /^-?\d{1,30}$/.test(value.trim())) {
    return value.trim()
  }
  return null
}
