import type { ParsedStatement, RejectedLine, StatementLine } from "./types"
import { FormulaError, StatementError } from "./types"
import { normaliseAmount } from "./line-identity"
import { compactLine } from "./compact-line"

/** How many rejected lines an error message names before "and N more". */
const NAMED_IN_MESSAGE = 5

type Amounted = { amount: string; currency_code: string; line?: string }

/**
 * Reads the lines of one transaction (one row, one `:61:`, one booked entry that may be a batch).
 * An error that belongs to it (an amount that is not an amount, an amount finer than its currency,
 * an impossible date, a malformed field) is added to `rejected` under `location` and nothing of it
 * is kept; any other error, and a spreadsheet formula anywhere, still refuses the whole file. The
 * amounts are checked in their currency here, so that balances are checked on real amounts only.
 */
export function readLines<T extends Amounted>(
  location: string,
  rejected: RejectedLine[],
  read: () => T[]
): T[] {
  try {
    const lines = read()
    for (const line of lines) {
      const checked = { ...line, line: line.line ?? location }
      normaliseAmount(checked)
      line.amount = checked.amount
      if ("memo" in line) {
        // Kept until the import is committed, with all the others: made compact now.
        compactLine(line as unknown as StatementLine)
      }
    }
    return lines
  } catch (e) {
    if (!(e instanceof StatementError) || e instanceof FormulaError) {
      throw e
    }
    rejected.push({ line: location, message: lineMessage(e, location) })
    return []
  }
}

/** readLines for a transaction that is one line, or none (null: left out on purpose, no error). */
export function readLine<T extends Amounted>(
  location: string,
  rejected: RejectedLine[],
  read: () => T | null
): T | null {
  return (
    readLines(location, rejected, () => {
      const line = read()
      return line ? [line] : []
    })[0] ?? null
  )
}

/** The error without the line's own location ("row 4, date: …" under "row 4" → "date: …"). */
function lineMessage(e: StatementError, location: string): string {
  const at = e.location ?? ""
  if (at && at.startsWith(location)) {
    const rest = at.slice(location.length).replace(/^[\s,/]+/, "")
    return rest ? `${rest}: ${e.reason}` : e.reason
  }
  if (!at || location.startsWith(at)) {
    return e.reason
  }
  return `${at}: ${e.reason}`
}

/** "row 3: date: …; row 7: amount: …", naming at most a few lines. */
export function describeRejected(rejected: RejectedLine[]): string {
  const named = rejected
    .slice(0, NAMED_IN_MESSAGE)
    .map((r) => `${r.line}: ${r.message}`)
    .join("; ")
  const more = rejected.length - NAMED_IN_MESSAGE
  return more > 0 ? `${named}; and ${more} more` : named
}

/**
 * A file whose every transaction line is unreadable is refused: there is nothing to commit, and
 * it is more likely the wrong file (or a wrong mapping) than a few bad lines.
 */
export function refuseIfNothingLeft(parsed: ParsedStatement) {
  const rejected = parsed.rejected_lines ?? []
  if (!parsed.lines.length && rejected.length) {
    throw new StatementError(
      `no transaction line could be read: ${describeRejected(rejected)}`
    )
  }
}
