import type { ColumnMapping } from "./types"
import { HEADER_SYNONYMS } from "./presets"
import { parseAmount, parseDate } from "./values"

type Field = keyof typeof HEADER_SYNONYMS

/** Which column (index) of a CSV/XLSX table holds each field, and the running balance if any. */
export type Columns = Partial<Record<Field | "balance", number>>

type Signed = { amount: string; negative: boolean }

type RowOptions = { mapping?: ColumnMapping }

const cellOf = (cells: unknown[], columns: Columns, f: Field | "balance") =>
  columns[f] === undefined ? null : cells[columns[f]!]

/**
 * The date, amount, direction and running balance of one dated row, or null when its amount is
 * zero or empty (the caller leaves it out with a warning). A date or amount that cannot be read
 * throws a StatementError naming the row and the column.
 */
export function readRow(
  cells: unknown[],
  columns: Columns,
  location: string,
  opts: RowOptions
): {
  bookedAt: Date
  amount: { value: string; negative: boolean }
  direction: "in" | "out"
  balance: Signed | null
} | null {
  const cell = (f: Field | "balance") => cellOf(cells, columns, f)
  const bookedAt = parseDate(
    cell("date"),
    `${location}, date`,
    opts.mapping?.date_format
  )
  const sep = opts.mapping?.decimal_separator
  let amount =
    columns.amount !== undefined
      ? parseAmount(cell("amount"), `${location}, amount`, sep)
      : null
  let direction: "in" | "out" = amount?.negative ? "out" : "in"
  if (!amount || amount.value === "0") {
    const credit = parseAmount(cell("credit"), `${location}, credit`, sep)
    const debit = parseAmount(cell("debit"), `${location}, debit`, sep)
    if (credit && credit.value !== "0") {
      ;[amount, direction] = [credit, "in"]
    } else if (debit && debit.value !== "0") {
      ;[amount, direction] = [debit, "out"]
    }
  }
  if (!amount || amount.value === "0") {
    return null
  }
  return {
    bookedAt,
    amount,
    direction,
    balance: readBalance(cells, columns, location, opts, true),
  }
}

/**
 * The row's running balance (the balance column), or null when there is none. Unless `strict`, a
 * balance that cannot be read is null too: used for a row already left out as unreadable.
 */
export function readBalance(
  cells: unknown[],
  columns: Columns,
  location: string,
  opts: RowOptions,
  strict = false
): Signed | null {
  try {
    const b = parseAmount(
      cellOf(cells, columns, "balance"),
      `${location}, balance`,
      opts.mapping?.decimal_separator
    )
    return b ? { amount: b.value, negative: b.negative } : null
  } catch (e) {
    if (strict) {
      throw e
    }
    return null
  }
}
