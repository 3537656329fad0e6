/**
 * JSON.parse that keeps big integers exact.
 *
 * Aggregators send 64-bit ids as bare JSON numbers (SePay's `id` may reach
 * 9,223,372,036,854,775,807), and `JSON.parse` turns every number into an IEEE-754 double: past
 * 2^53 − 1 digits are silently lost (…807 becomes …808). No lossless JSON library is installed,
 * and Node 20's `JSON.parse` reviver does not expose the source text, so this scans the raw text
 * once and quotes every integer literal that is not a safe integer before parsing:
 * `{"id": 9223372036854775807}` parses as `{ id: "9223372036854775807" }`.
 *
 * The scanner only has to tell strings from everything else (RFC 8259 §7: a string runs from `"`
 * to the next `"` not escaped by `\`); outside strings a number token is
 * `-?digits[.digits][e±digits]` (§6), and only tokens without fraction or exponent are integers.
 * Fractions and exponents are left to `JSON.parse` (no money is sent that way by these channels).
 * Invalid JSON is left invalid: `JSON.parse` then throws as it would have.
 */
export function parseJsonLossless(text: string): unknown {
  let out = ""
  let from = 0
  let i = 0
  while (i < text.length) {
    const c = text[i]
    if (c === '"') {
      i++
      while (i < text.length && text[i] !== '"') {
        i += text[i] === "\\" ? 2 : 1
      }
      i++
      continue
    }
    if (c === "-" || (c >= "0" && c <= "9")) {
      const m = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400))
      const token = m?.[0] ?? c
      if (m && !m[1] && !m[2] && !Number.isSafeInteger(Number(token))) {
        out += `${text.slice(from, i)}"${token}"`
        from = i + token.length
      }
      i += token.length
      continue
    }
    i++
  }
  return JSON.parse(out + text.slice(from))
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
