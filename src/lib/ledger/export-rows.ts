import {
  currencyDecimals,
  fromMinorUnits,
  toMinorUnits,
} from "../money/minor-units"

/**
 * The ledger export for the books (GET /admin/bank-transfer/exports/transactions): pure row building,
 * no I/O. One row per live allocation: a movement paying two orders gives two rows, a movement with
 * no (live) allocation gives one row with empty order columns. Reversed allocations (undone by an
 * accountant) are left out: the books show where the money is now, the audit trail shows the undo.
 */

/** One movement joined with one live allocation and its order's expectation (nulls: no allocation). */
export type LedgerRecord = {
  transaction_id: string
  booked_at: Date | string
  account: string | null
  counterparty_name: string | null
  counterparty_account: string | null
  memo: string | null
  direction: "in" | "out" | string
  /** Decimal string in major units of `currency_code` (numeric::text from PostgreSQL). */
  amount: string
  currency_code: string
  status: string
  source: string
  allocation_id: string | null
  /** Decimal string, major units; null without an allocation. */
  allocated_amount: string | null
  order_id: string | null
  order_number: string | null
  email: string | null
  company_name: string | null
  tax_code: string | null
  reference: string | null
}

/** The columns, in file order: key and header. The headers are stable (a bookkeeping import maps them). */
export const EXPORT_COLUMNS = [
  ["booked_date", "Booked date"],
  ["account", "Account"],
  ["counterparty_name", "Counterparty name"],
  ["counterparty_account", "Counterparty account"],
  ["memo", "Memo"],
  ["direction", "Direction"],
  ["amount", "Movement amount"],
  ["allocated_amount", "Allocated to order"],
  ["currency", "Currency"],
  ["order_display_id", "Order"],
  ["order_id", "Order ID"],
  ["customer", "Customer"],
  ["tax_code", "Tax code"],
  ["state", "State"],
  ["reference", "Reference"],
  ["source", "Source"],
  ["transaction_id", "Transaction ID"],
] as const

export type ExportColumn = (typeof EXPORT_COLUMNS)[number][0]
export type ExportRow = Record<ExportColumn, string>

/** Columns holding money (exact decimal strings in major units). */
export const AMOUNT_COLUMNS: ReadonlySet<ExportColumn> = new Set([
  "amount",
  "allocated_amount",
])

/** "2430000.0000" → "2430000" (VND), "12.5" → "12.50" (USD): exactly the currency's decimals. */
export function exactAmount(value: string, currency: string): string {
  return fromMinorUnits(toMinorUnits(value, currency), currency)
}

/**
 * The ISO date (YYYY-MM-DD) of an instant in `timeZone` (the shop's: a bank books in the shop's day).
 * Throws RangeError for an unknown zone.
 */
export function isoDateIn(instant: Date | string, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value])
  )
  return `${parts.year}-${parts.month}-${parts.day}`
}

/** One export row: every cell a string ("" when empty), amounts exact in major units. */
export function ledgerExportRow(r: LedgerRecord, timeZone: string): ExportRow {
  const currency = r.currency_code.toUpperCase()
  const hasOrder = !!r.allocation_id
  return {
    booked_date: isoDateIn(r.booked_at, timeZone),
    account: r.account ?? "",
    counterparty_name: r.counterparty_name ?? "",
    counterparty_account: r.counterparty_account ?? "",
    memo: r.memo ?? "",
    direction: r.direction,
    amount: exactAmount(r.amount, currency),
    allocated_amount:
      hasOrder && r.allocated_amount !== null
        ? exactAmount(r.allocated_amount, currency)
        : "",
    currency,
    order_display_id: hasOrder ? (r.order_number ?? "") : "",
    order_id: hasOrder ? (r.order_id ?? "") : "",
    customer: hasOrder ? r.company_name || r.email || "" : "",
    tax_code: hasOrder ? (r.tax_code ?? "") : "",
    state: r.status,
    reference: hasOrder ? (r.reference ?? "") : "",
    source: r.source,
    transaction_id: r.transaction_id,
  }
}

/** The header line of both formats. */
export const exportHeader = (): string[] => EXPORT_COLUMNS.map(([, h]) => h)

/**
 * A CSV line's cells. Text a spreadsheet would run as a formula (starting with =, +, -, @, tab or
 * carriage return: OWASP's list) gets a leading apostrophe; memos and names come from strangers.
 * Amounts are never negative here (the direction column says in or out), so they are left alone.
 */
export function csvCells(row: ExportRow): string[] {
  return EXPORT_COLUMNS.map(([key]) => {
    const v = row[key]
    return !AMOUNT_COLUMNS.has(key) && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v
  })
}

/** Excel keeps 15 significant digits: above that a number cell would no longer be the amount. */
const EXCEL_EXACT_DIGITS = 15

export type XlsxCell = {
  type: typeof String | typeof Number
  value: string | number
  format?: string
} | null

/**
 * A cell for write-excel-file. Amounts become number cells only when the number is the amount
 * exactly: a currency without decimals (VND, JPY) and at most 15 digits. A binary double cannot hold
 * 0.10, so amounts with decimals (USD) stay exact decimal strings. Text cells are never formulas in
 * XLSX (write-excel-file writes them as strings), so they are written as they are.
 */
export function xlsxCells(row: ExportRow): XlsxCell[] {
  const exactAsNumber = currencyDecimals(row.currency) === 0
  return EXPORT_COLUMNS.map(([key]) => {
    const v = row[key]
    if (v === "") {
      return null
    }
    if (
      AMOUNT_COLUMNS.has(key) &&
      exactAsNumber &&
      v.replace(/^-/, "").length <= EXCEL_EXACT_DIGITS
    ) {
      return { type: Number, value: Number(v), format: "#,##0" }
    }
    return { type: String, value: v }
  })
}

/** The file name: `bank-transactions_<from>_<to>.<format>`. */
export const exportFileName = (from: string, to: string, format: string) =>
  `bank-transactions_${from}_${to}.${format}`
