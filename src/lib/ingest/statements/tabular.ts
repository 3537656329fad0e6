import type { ColumnMapping, ParsedStatement, StatementLine } from "./types"
import { StatementError } from "./types"
import { HEADER_SYNONYMS } from "./presets"
import { guardCell, inertCell } from "./guard"
import { normaliseHeader, parseAmount, parseDate } from "./values"
import { cleanReference } from "./line-identity"

type Field = keyof typeof HEADER_SYNONYMS
const HEADER_SCAN_ROWS = 40

/** Finds the header row: exports put a title block (bank, account, period) above the table. */
function findHeader(rows: unknown[][], mapping?: ColumnMapping) {
  for (let r = 0; r < Math.min(rows.length, HEADER_SCAN_ROWS); r++) {
    const names = rows[r].map(normaliseHeader)
    const columns = mapping ? fromMapping(names, mapping) : guessColumns(names)
    if (
      columns.date !== undefined &&
      columns.memo !== undefined &&
      (columns.amount !== undefined || columns.credit !== undefined)
    ) {
      return { row: r, columns }
    }
  }
  throw new StatementError(
    mapping
      ? `no header row with the mapped columns (${[mapping.date, mapping.amount ?? mapping.credit, mapping.memo].join(", ")}) in the first ${HEADER_SCAN_ROWS} rows`
      : `no header row with a date, an amount (or credit) and a description column in the first ${HEADER_SCAN_ROWS} rows; give a column mapping`
  )
}

function fromMapping(
  names: string[],
  mapping: ColumnMapping
): Partial<Record<Field, number>> {
  const out: Partial<Record<Field, number>> = {}
  for (const field of Object.keys(HEADER_SYNONYMS) as Field[]) {
    const wanted = mapping[field]
    if (!wanted) {
      continue
    }
    const i = names.indexOf(normaliseHeader(wanted))
    if (i !== -1) {
      out[field] = i
    }
  }
  return out
}

function guessColumns(names: string[]): Partial<Record<Field, number>> {
  const out: Partial<Record<Field, number>> = {}
  const taken = new Set<number>()
  // Exact names first, so "so tien ghi co" is credit before "so tien" can claim it as amount.
  for (const field of [
    "credit",
    "debit",
    "date",
    "memo",
    "reference",
    "counterparty_account",
    "counterparty_name",
    "currency",
    "account",
    "amount",
  ] as Field[]) {
    const i = names.findIndex(
      (n, idx) => !taken.has(idx) && HEADER_SYNONYMS[field].includes(n)
    )
    if (i !== -1) {
      out[field] = i
      taken.add(i)
    }
  }
  return out
}

/** Rows of a CSV or XLSX export into statement lines, all or nothing. */
export function rowsToStatement(
  rows: unknown[][],
  format: "csv" | "xlsx",
  opts: { mapping?: ColumnMapping; defaultCurrency?: string }
): ParsedStatement {
  const { row: headerRow, columns } = findHeader(rows, opts.mapping)
  const lines: StatementLine[] = []
  for (let r = headerRow + 1; r < rows.length; r++) {
    const cells = rows[r]
    const location = `row ${r + 1}`
    if (
      cells.every(
        (c) => c === null || c === undefined || String(c).trim() === ""
      )
    ) {
      continue
    }
    const cell = (f: Field) =>
      columns[f] === undefined ? null : cells[columns[f]!]
    const text = (f: Field) => {
      const v = cell(f)
      if (v === null || v === undefined) {
        return null
      }
      const s = String(v)
      guardCell(
        s,
        `${location}, column "${String(rows[headerRow][columns[f]!])}"`
      )
      return s.replace(/\s+/g, " ").trim() || null
    }
    // Summary rows ("Tổng cộng", "Số dư cuối kỳ") have no date: the table ends there.
    const dateCell = cell("date")
    if (
      dateCell === null ||
      dateCell === undefined ||
      String(dateCell).trim() === ""
    ) {
      if (columns.memo !== undefined) {
        text("memo")
      }
      continue
    }
    const bookedAt = parseDate(
      dateCell,
      `${location}, date`,
      opts.mapping?.date_format
    )
    const sep = opts.mapping?.decimal_separator
    let amount =
      columns.amount !== undefined
        ? parseAmount(cell("amount"), `${location}, amount`, sep)
        : null
    let direction: "in" | "out" = amount?.negative ? "out" : "in"
    if (!amount) {
      const credit = parseAmount(cell("credit"), `${location}, credit`, sep)
      const debit = parseAmount(cell("debit"), `${location}, debit`, sep)
      if (credit && credit.value !== "0") {
        ;[amount, direction] = [credit, "in"]
      } else if (debit && debit.value !== "0") {
        ;[amount, direction] = [debit, "out"]
      }
    }
    if (!amount || amount.value === "0") {
      throw new StatementError("no amount", location)
    }
    const memo = text("memo") ?? ""
    const reference = cleanReference(text("reference"))
    lines.push({
      line: location,
      external_id: reference,
      account: text("account"),
      booked_at: bookedAt,
      amount: amount.value,
      currency_code: (
        text("currency") ??
        opts.defaultCurrency ??
        "VND"
      ).toUpperCase(),
      direction,
      memo,
      counterparty_name: text("counterparty_name"),
      counterparty_account: text("counterparty_account"),
      // The reference column of a bank's export is the bank's transaction number.
      bank_references: reference ? [reference] : [],
      raw: Object.fromEntries(
        rows[headerRow].map((h, i) => [
          String(inertCell(h ?? i)),
          inertCell(cells[i] ?? null),
        ])
      ),
    })
  }
  if (!lines.length) {
    throw new StatementError("the table has no transaction rows")
  }
  return { format, accounts: [], lines }
}
