import { toMinorUnits, fromMinorUnits } from "../../money/minor-units"
import { RejectedLine, StatementError, StatementLine } from "./types"
import { describeRejected } from "./rejected-lines"

/**
 * opening + credits − debits must equal closing, or the file is incomplete or altered. `lines` are
 * the lines that could be read; when the balances do not add up without the `rejected` ones (the
 * unreadable lines of the same statement), the error names them: the money they carry is needed.
 */
export function checkBalance(
  where: string,
  currency: string,
  opening: { amount: string; negative: boolean },
  closing: { amount: string; negative: boolean },
  lines: StatementLine[],
  rejected: RejectedLine[] = []
) {
  // An amount finer than the currency (or an unknown currency) refuses the file, naming the line.
  const minor = (amount: string, at: string) => {
    try {
      return toMinorUnits(amount, currency)
    } catch (e: any) {
      throw new StatementError(`amount: ${e.message}`, at)
    }
  }
  const signed = (a: { amount: string; negative: boolean }) =>
    (a.negative ? -1n : 1n) * minor(a.amount, where)
  let total = signed(opening)
  for (const l of lines) {
    total += (l.direction === "in" ? 1n : -1n) * minor(l.amount, l.line)
  }
  if (total !== signed(closing)) {
    const without = rejected.length
      ? `; the file cannot be imported without its unreadable line(s): ${describeRejected(rejected)}`
      : ""
    throw new StatementError(
      `balances do not add up: opening ${fromMinorUnits(signed(opening), currency)} + movements = ${fromMinorUnits(total, currency)}, but the closing balance is ${fromMinorUnits(signed(closing), currency)} ${currency}${without}`,
      where
    )
  }
}
