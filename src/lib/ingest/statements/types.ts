import type { IncomingLine } from "../webhooks/types"

/** One statement line, in the ledger's shape, with where it came from for error messages. */
export type StatementLine = IncomingLine & { line: string }

export type StatementFormat = "csv" | "xlsx" | "camt053" | "mt940" | "ofx"

export type ParsedStatement = {
  format: StatementFormat
  accounts: {
    account: string
    currency: string | null
    opening?: string
    closing?: string
  }[]
  lines: StatementLine[]
  /** Rows left out on purpose (e.g. a zero amount), with why: shown in the import preview. */
  warnings?: { line: string; message: string }[]
  /**
   * Transaction lines that could not be read (an amount that is not one, an impossible date, a
   * malformed `:61:`), each with its error. The file is kept only when the balances it states add
   * up without them; the import preview lists them and committing them away needs the
   * accountant's acknowledgement.
   */
  rejected_lines?: RejectedLine[]
  /** The bank layout recognised from a CSV/XLSX header row (BANK_LAYOUTS), if any. */
  preset?: string
}

/** One transaction line left out of a statement because it could not be read, and why. */
export type RejectedLine = { line: string; message: string }

/** Which column holds what, by header name (case, diacritics and spacing ignored). */
export type ColumnMapping = {
  date: string
  amount?: string
  credit?: string
  debit?: string
  memo: string
  reference?: string
  counterparty_name?: string
  counterparty_account?: string
  currency?: string
  account?: string
  date_format?: "dd/mm/yyyy" | "yyyy-mm-dd" | "mm/dd/yyyy"
  decimal_separator?: "," | "."
}

/** Why a file is refused, naming the line or element at fault. Nothing of the file is kept. */
export class StatementError extends Error {
  constructor(
    public readonly reason: string,
    public readonly location?: string
  ) {
    super(location ? `${location}: ${reason}` : reason)
  }
}

/**
 * A spreadsheet formula in a cell: an attack on whoever opens the data again, not a bad line.
 * It always refuses the whole file, even inside a transaction line.
 */
export class FormulaError extends StatementError {}
