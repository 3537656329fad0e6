import { toMinorUnits, fromMinorUnits } from "../../money/minor-units"
import { StatementError, StatementLine } from "./types"

/** opening + credits − debits must equal closing, or the file is incomplete or altered. */
export function checkBalance(
  where: string,
  currency: string,
  opening: { amount: string; negative: boolean },
  closing: { amount: string; negative: boolean },
  lines: StatementLine[]
) {
  const signed = (a: { amount: string; negative: boolean }) => (a.negative ? -1n : 1n) * toMinorUnits(a.amount, currency)
  let total = signed(opening)
  for (const l of lines) total += (l.direction === "in" ? 1n : -1n) * toMinorUnits(l.amount, currency)
  if (total !== signed(closing)) {
    throw new StatementError(
      `balances do not add up: opening ${fromMinorUnits(signed(opening), currency)} + movements = ${fromMinorUnits(total, currency)}, but the closing balance is ${fromMinorUnits(signed(closing), currency)} ${currency}`,
      where
    )
  }
}
