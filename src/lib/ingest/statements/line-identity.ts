import { AmountError, parseAmountInCurrency } from "../../money/minor-units"
import type { ParsedStatement, StatementLine } from "./types"
import { StatementError } from "./types"

/** Placeholders banks write where a reference is absent. */
const NO_REFERENCE = new Set([
  "NONREF",
  "NOTPROVIDED",
  "NOTPROVIDE",
  "NONE",
  "NA",
  "N/A",
  "-",
  "0",
])

/** A reference as the file gives it, or null when it is empty or a placeholder (NONREF, NOTPROVIDED). */
export function cleanReference(
  value: string | null | undefined
): string | null {
  const v = (value ?? "").replace(/\s+/g, " ").trim()
  if (!v || NO_REFERENCE.has(v.toUpperCase())) {
    return null
  }
  return v
}

/** The distinct, non-placeholder references among `values`, in order. */
export function distinctReferences(
  ...values: (string | null | undefined)[]
): string[] {
  const out: string[] = []
  // A set, not a scan of `out`: a camt batch entry passes the references of thousands of details.
  const seen = new Set<string>()
  for (const v of values) {
    const c = cleanReference(v)
    if (c && !seen.has(c.toUpperCase())) {
      seen.add(c.toUpperCase())
      out.push(c)
    }
  }
  return out
}

const squash = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "D")
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "")

/** The memo with the payer's reference added at the end, unless the memo already holds it. */
export function withPayerReference(
  memo: string,
  payerReference: string | null
): string {
  if (!payerReference) {
    return memo
  }
  const ref = squash(payerReference)
  if (!ref || squash(memo).includes(ref)) {
    return memo
  }
  return memo ? `${memo} ${payerReference}` : payerReference
}

/**
 * What every parsed statement goes through before anyone sees it:
 * - each line's amount is read in its currency's ISO 4217 minor units (a VND amount with cents,
 *   an unknown currency code: the file is refused, naming the line; a zero line is kept as before);
 * - an `external_id` shared by several lines of the file is dropped from all of them. The import
 *   keys a line by its external_id when it has one, so a reference that is not unique per line
 *   (a bank that repeats one reference, NONREF-like values) would merge real lines into one.
 *   Without it, a line is keyed by its content and its occurrence in the file, which keeps them.
 */
export function finishStatement(parsed: ParsedStatement): ParsedStatement {
  for (const line of parsed.lines) {
    normaliseAmount(line)
  }
  // Counted per account, by the id itself: no key string is built per line (trim and toUpperCase
  // give back the same string when there is nothing to change), so the count costs a map entry.
  const counts = new Map<string, Map<string, number>>()
  const perAccount = (l: StatementLine) => {
    const account = (l.account ?? "").replace(/\s/g, "").toUpperCase()
    let m = counts.get(account)
    if (!m) {
      counts.set(account, (m = new Map()))
    }
    return m
  }
  const id = (l: StatementLine) => l.external_id!.trim().toUpperCase()
  for (const l of parsed.lines) {
    if (l.external_id) {
      const m = perAccount(l)
      m.set(id(l), (m.get(id(l)) ?? 0) + 1)
    }
  }
  for (const l of parsed.lines) {
    if (l.external_id && perAccount(l).get(id(l))! > 1) {
      l.external_id = null
    }
  }
  return parsed
}

/**
 * The line's amount in its currency's ISO 4217 minor units, as a decimal string; an amount finer
 * than the currency or an unknown currency code throws a StatementError naming the line.
 */
export function normaliseAmount(
  line: Pick<StatementLine, "amount" | "currency_code" | "line">
) {
  try {
    line.amount = parseAmountInCurrency(
      line.amount,
      line.currency_code,
      "amount",
      { allowZero: true }
    )
  } catch (e) {
    if (e instanceof AmountError) {
      throw new StatementError(
        e.reason === "unknown_currency"
          ? `currency: ${e.message.slice("amount: ".length)}`
          : e.message,
        line.line
      )
    }
    throw e
  }
}
