import type { StatementLine } from "./types"

/**
 * Statement lines are all kept until the import is committed (the preview shows them), so what one
 * line costs is what a file costs: a 100,000-line file is 100,000 of them. What a parser leaves in
 * a line is often larger than its text: a place or memo built with `+` or a template is a chain of
 * pieces (a V8 "cons" string), a substring of 13 characters or more is a view that keeps the whole
 * string it was cut from alive (an XML chunk, a CSV file), an array filled with `push` has room for
 * 17 elements, and every line's "VND" or account number is a string of its own. compactLine gives
 * each line its own flat copies, shares the strings every line repeats, and trims the arrays: the
 * values and the shape stay exactly as they were. Done as each line is read (rejected-lines.ts),
 * so that a file's lines never exist in both forms at once.
 */
export function compactLine(line: StatementLine): void {
  // One copy per distinct value of the line: a reference that is both an external id and a
  // raw field stays one string.
  const copies = new Map<string, string>()
  const own = <T>(v: T): T => {
    if (typeof v !== "string" || v === "") {
      return v
    }
    let c = copies.get(v)
    if (c === undefined) {
      c = ownString(v)
      copies.set(v, c)
    }
    return c as T
  }
  line.line = own(line.line)
  line.external_id = own(line.external_id)
  line.account = line.account === null ? null : share(line.account)
  line.amount = own(line.amount)
  line.currency_code = share(line.currency_code)
  line.memo = own(line.memo)
  line.counterparty_name = own(line.counterparty_name)
  line.counterparty_account = own(line.counterparty_account)
  if (line.payer_reference !== undefined) {
    line.payer_reference = own(line.payer_reference)
  }
  if (line.bank_references) {
    line.bank_references = line.bank_references.map(own)
  }
  const raw = line.raw
  if (raw && typeof raw === "object" && !Array.isArray(raw)) {
    for (const key of Object.keys(raw)) {
      const v = (raw as Record<string, unknown>)[key]
      if (typeof v === "string") {
        ;(raw as Record<string, unknown>)[key] = own(v)
      }
    }
  }
}

/**
 * The few strings every line repeats (currency codes, the account): one copy for all. Bounded: a
 * file whose lines name many accounts shares the first few only.
 */
const shared = new Map<string, string>()
const share = (s: string) => {
  let v = shared.get(s)
  if (v === undefined) {
    v = ownString(s)
    if (shared.size < 64) {
      shared.set(v, v)
    }
  }
  return v
}

/** A character above Latin-1 (U+0100 and up, surrogates included). */
const ABOVE_LATIN1 = /[\u0100-\uffff]/

/**
 * A flat string of its own with the same UTF-16 code units: not a view into a larger string, not a
 * chain of pieces. Through a Buffer (native copies); the round trip is exact for Latin-1 text and
 * for any well-formed text through UTF-8, and a string it would change (a lone surrogate) is kept
 * as it is.
 */
export function ownString(s: string): string {
  const copy = ABOVE_LATIN1.test(s)
    ? Buffer.from(s, "utf8").toString("utf8")
    : Buffer.from(s, "latin1").toString("latin1")
  return copy === s ? copy : s
}
