import { normaliseHeader, parseAmount } from "./values"

/**
 * What surrounds the table in a bank's CSV/XLSX export: the title block above the header row
 * (bank, "Số tài khoản / Account number", period, "Số dư đầu kỳ / Opening balance") and the footer
 * rows below the transactions ("Tổng cộng", "Tổng số / Total", "Cộng phát sinh", "Số dư cuối kỳ /
 * Closing balance"). Footer rows are not transactions; balances found here let the import check
 * that opening + movements = closing.
 */

const FOOTER_LABELS = [
  "tong cong",
  "tong so",
  "tong phat sinh",
  "cong phat sinh",
  "cong doanh so",
  "total",
  "so du cuoi ky",
  "so du cuoi ki",
  "closing balance",
  "ending balance",
]
const CLOSING_LABELS = [
  "so du cuoi ky",
  "so du cuoi ki",
  "closing balance",
  "ending balance",
]
const OPENING_LABELS = [
  "so du dau ky",
  "so du dau ki",
  "opening balance",
  "open balance",
]
const ACCOUNT_LABELS = ["so tai khoan", "account number", "account no"]

const startsWithAny = (text: string, labels: string[]) =>
  labels.some((l) => text === l || text.startsWith(`${l} `))

const cellText = (c: unknown) =>
  c === null || c === undefined ? "" : normaliseHeader(c)

/** A totals or closing-balance row: one of its cells (outside `skip`, the memo) starts with a footer label. */
export function isFooterRow(cells: unknown[], skip?: number): boolean {
  return cells.some(
    (c, i) => i !== skip && startsWithAny(cellText(c), FOOTER_LABELS)
  )
}

/** The amount written after a label in the same row: "Số dư đầu kỳ:" | "" | "42,892,241 VND". */
function amountAfterLabel(
  cells: unknown[],
  labels: string[]
): { amount: string; negative: boolean } | null {
  const at = cells.findIndex((c) => startsWithAny(cellText(c), labels))
  if (at === -1) {
    return null
  }
  for (let i = at + 1; i < cells.length; i++) {
    const c = cells[i]
    if (c === null || c === undefined || String(c).trim() === "") {
      continue
    }
    try {
      const a = parseAmount(c, "balance")
      return a ? { amount: a.value, negative: a.negative } : null
    } catch {
      return null
    }
  }
  return null
}

export function closingFromFooter(cells: unknown[]) {
  return amountAfterLabel(cells, CLOSING_LABELS)
}

/** Account number and opening balance from the rows above the header. */
export function readTitleBlock(rows: unknown[][]) {
  let account: string | null = null
  let opening: { amount: string; negative: boolean } | null = null
  let closing: { amount: string; negative: boolean } | null = null
  for (const cells of rows) {
    opening ??= amountAfterLabel(cells, OPENING_LABELS)
    closing ??= amountAfterLabel(cells, CLOSING_LABELS)
    if (account) {
      continue
    }
    const at = cells.findIndex((c) =>
      startsWithAny(cellText(c), ACCOUNT_LABELS)
    )
    if (at === -1) {
      continue
    }
    // The number is in the label's own cell ("Số tài khoản: 0071000123456") or in a later one.
    for (let i = at; i < cells.length && !account; i++) {
      const m = String(cells[i] ?? "").match(/(?<![\d])\d{6,20}(?![\d])/)
      if (m) {
        account = m[0]
      }
    }
  }
  return { account, opening, closing }
}
