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
  /** The bank layout recognised from a CSV/XLSX header row (BANK_LAYOUTS), if any. */
  preset?: string
}

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
    message: string,
    public readonly location?: string
  ) {
    super(location ? `${location}: ${message}` : message)
  }
}
