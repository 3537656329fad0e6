import type {
  ColumnMapping,
  ParsedStatement,
  RejectedLine,
  StatementLine,
} from "./types"
import { StatementError } from "./types"
import { BALANCE_HEADERS, BANK_LAYOUTS, HEADER_SYNONYMS } from "./presets"
import { guardCell, inertCell } from "./guard"
import { normaliseHeader } from "./values"
import { cleanReference } from "./line-identity"
import { findColumn, headerCell, HeaderCell } from "./header-cells"
import { closingFromFooter, isFooterRow, readTitleBlock } from "./table-frame"
import { checkBalance } from "./balance"
import { readLine } from "./rejected-lines"
import { readBalance, readRow, type Columns } from "./table-row"

type Field = keyof typeof HEADER_SYNONYMS
type Signed = { amount: string; negative: boolean }
/** The text columns of a row, read (and checked for formulas) before its date and amount. */
const TEXT_FIELDS = [
  "memo",
  "reference",
  "account",
  "currency",
  "counterparty_name",
  "counterparty_account",
] as const satisfies readonly Field[]
const HEADER_SCAN_ROWS = 40
const FIELDS = Object.keys(HEADER_SYNONYMS) as Field[]

const complete = (c: Columns) =>
  c.date !== undefined &&
  c.memo !== undefined &&
  (c.amount !== undefined || c.credit !== undefined)

/**
 * Finds the header row: exports put a title block (bank, account, period) above the table. Without
 * a mapping, the bank layout (presets.ts) that names the most columns of a row wins; failing any,
 * the synonyms of each field are tried.
 */
function findHeader(rows: unknown[][], mapping?: ColumnMapping) {
  for (let r = 0; r < Math.min(rows.length, HEADER_SCAN_ROWS); r++) {
    const cells = rows[r].map(headerCell)
    if (mapping) {
      const columns = fromMapping(cells, mapping)
      if (complete(columns)) {
        return { row: r, columns, preset: undefined }
      }
      continue
    }
    let best: { columns: Columns; bank: string; score: number } | null = null
    for (const layout of BANK_LAYOUTS) {
      const columns = fromMapping(cells, layout.mapping)
      // A layout fits when its date, amount (credit and debit) and memo columns are all there; the
      // one that also finds the most optional columns (reference, counterparty) wins.
      const fits =
        complete(columns) &&
        (!layout.mapping.debit || columns.debit !== undefined)
      const score = Object.keys(columns).length
      if (fits && (!best || score > best.score)) {
        best = { columns, bank: layout.bank, score }
      }
    }
    // A layout names the columns it is known by; the synonyms still find the rest (a payer's name
    // column the bank added later), so that no column the export carries is read blind.
    const columns = best
      ? {
          ...guessColumns(cells, new Set(Object.values(best.columns))),
          ...best.columns,
        }
      : guessColumns(cells)
    if (complete(columns)) {
      const balance = findColumn(
        cells,
        BALANCE_HEADERS,
        new Set(Object.values(columns))
      )
      if (balance !== undefined) {
        columns.balance = balance
      }
      return { row: r, columns, preset: best?.bank }
    }
  }
  throw new StatementError(
    mapping
      ? `no header row with the mapped columns (${[mapping.date, mapping.amount ?? mapping.credit, mapping.memo].join(", ")}) in the first ${HEADER_SCAN_ROWS} rows`
      : `no header row with a date, an amount (or credit) and a description column in the first ${HEADER_SCAN_ROWS} rows; give a column mapping`
  )
}

/** A mapping's names (each may list alternatives: "Ngày hiệu lực | Effective date") to column indexes. */
function fromMapping(cells: HeaderCell[], mapping: ColumnMapping): Columns {
  const out: Columns = {}
  const taken = new Set<number>()
  for (const field of FIELDS) {
    const wanted = mapping[field]
    if (!wanted) {
      continue
    }
    const names = wanted.split("|").map(normaliseHeader).filter(Boolean)
    const i = findColumn(cells, names, taken)
    if (i !== undefined) {
      out[field] = i
      taken.add(i)
    }
  }
  return out
}

function guessColumns(cells: HeaderCell[], taken = new Set<number>()): Columns {
  const out: Columns = {}
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
    const i = findColumn(cells, HEADER_SYNONYMS[field], taken)
    if (i !== undefined) {
      out[field] = i
      taken.add(i)
    }
  }
  return out
}

/** A second header line ("Transaction date" under "Ngày giao dịch"): only header words, no date. */
function isHeaderContinuation(cells: unknown[], columns: Columns): boolean {
  const names = cells.map(headerCell)
  const again = guessColumns(names)
  return (
    again.date !== undefined &&
    again.memo !== undefined &&
    !DATE_LIKE.test(String(cells[columns.date!] ?? ""))
  )
}

const DATE_LIKE = /^\s*(\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{4}-\d{2}-\d{2})/
// A reference cell that repeats the date first ("30/11/2026 / 5254 - 06356", "31/10/2023\n5243.65937").
const LEADING_DATE =
  /^\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{4}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:\/\s*)?/

/**
 * Rows of a CSV or XLSX export into statement lines. Rows above the header are the title block
 * (account, opening balance); totals and closing-balance rows are skipped; a row whose amount is
 * zero or empty is left out with a warning; a row whose date or amount cannot be read is left out
 * into `rejected_lines` with its error (a formula in any of its text cells still refuses the file).
 * When the export states an opening balance and a closing one (a footer row, or the running-balance
 * column), they must add up without the rejected rows, or the file is refused naming them.
 */
export function rowsToStatement(
  rows: unknown[][],
  format: "csv" | "xlsx",
  opts: { mapping?: ColumnMapping; defaultCurrency?: string }
): ParsedStatement {
  const { row: headerRow, columns, preset } = findHeader(rows, opts.mapping)
  const title = readTitleBlock(rows.slice(0, headerRow))
  const lines: StatementLine[] = []
  const warnings: RejectedLine[] = []
  const rejected: RejectedLine[] = []
  let closing = title.closing
  const balances: { amount: string; negative: boolean }[] = []
  let first = headerRow + 1
  if (first < rows.length && isHeaderContinuation(rows[first], columns)) {
    first += 1
  }
  for (let r = first; r < rows.length; r++) {
    const cells = rows[r]
    const location = `row ${r + 1}`
    if (
      cells.every(
        (c) => c === null || c === undefined || String(c).trim() === ""
      )
    ) {
      continue
    }
    const cell = (f: Field | "balance") =>
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
    const dateCell = cell("date")
    const dated =
      dateCell instanceof Date || DATE_LIKE.test(String(dateCell ?? ""))
    // Totals and closing-balance rows ("Tổng số/ Total", "Số dư cuối kỳ") are not transactions.
    if (!dated && isFooterRow(cells, columns.memo)) {
      closing = closingFromFooter(cells) ?? closing
      continue
    }
    // Other rows without a date (a memo's continuation, a blank separator) carry nothing.
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
    // Every text cell is checked for a formula before anything else of the row is read: a formula
    // refuses the file even in a row that is unreadable for another reason.
    const texts = Object.fromEntries(TEXT_FIELDS.map((f) => [f, text(f)]))
    let zero = false
    let balance: Signed | null = null
    const line = readLine(location, rejected, () => {
      const read = readRow(cells, columns, location, opts)
      if (!read) {
        zero = true
        return null
      }
      balance = read.balance
      const reference = cleanReference(
        texts.reference && texts.reference.replace(LEADING_DATE, "")
      )
      return {
        line: location,
        external_id: reference,
        account: texts.account,
        booked_at: read.bookedAt,
        amount: read.amount.value,
        currency_code: (
          texts.currency ??
          opts.defaultCurrency ??
          "VND"
        ).toUpperCase(),
        direction: read.direction,
        memo: texts.memo ?? "",
        counterparty_name: texts.counterparty_name,
        counterparty_account: texts.counterparty_account,
        // The reference column of a bank's export is the bank's transaction number.
        bank_references: reference ? [reference] : [],
        raw: Object.fromEntries(
          rows[headerRow].map((h, i) => [
            String(inertCell(h ?? i)),
            inertCell(cells[i] ?? null),
          ])
        ),
      } satisfies StatementLine
    })
    if (line) {
      lines.push(line)
    } else if (zero) {
      warnings.push({
        line: location,
        message: "no amount (zero or empty): left out",
      })
    } else {
      // An unreadable row's running balance still tells where the balance stood after it.
      balance = readBalance(cells, columns, location, opts)
    }
    if (balance) {
      balances.push(balance)
    }
  }
  if (!lines.length && !rejected.length) {
    throw new StatementError("the table has no transaction rows")
  }
  const accounts = lines.length
    ? checkTableBalances(title, closing, balances, lines, rejected)
    : []
  return {
    format,
    accounts,
    lines,
    ...(warnings.length ? { warnings } : {}),
    ...(rejected.length ? { rejected_lines: rejected } : {}),
    ...(preset ? { preset } : {}),
  }
}

/**
 * opening + movements = closing, when the export gives an opening balance. The closing balance is a
 * footer's, else the running balance of the last row or, for exports listed newest first, of the
 * first row.
 */
function checkTableBalances(
  title: { account: string | null; opening: Signed | null },
  closing: Signed | null,
  balances: Signed[],
  lines: StatementLine[],
  rejected: RejectedLine[]
): ParsedStatement["accounts"] {
  const currency = lines[0].currency_code
  const opening = title.opening
  if (opening && lines.every((l) => l.currency_code === currency)) {
    const where = "balances"
    if (closing) {
      checkBalance(where, currency, opening, closing, lines, rejected)
    } else if (balances.length) {
      const ends = [balances[balances.length - 1], balances[0]]
      const adds = (end: Signed) => {
        try {
          checkBalance(where, currency, opening, end, lines)
          return true
        } catch {
          return false
        }
      }
      closing = ends.find(adds) ?? null
      if (!closing) {
        // Throws, naming both sides and the unreadable rows.
        checkBalance(where, currency, opening, ends[0], lines, rejected)
      }
    }
  }
  if (!title.account) {
    return []
  }
  const sign = (b: Signed | null) =>
    b ? (b.negative ? `-${b.amount}` : b.amount) : undefined
  return [
    {
      account: title.account,
      currency,
      ...(opening ? { opening: sign(opening) } : {}),
      ...(opening && closing ? { closing: sign(closing) } : {}),
    },
  ]
}
