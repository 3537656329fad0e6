import type { SqlManager } from "./bank-transaction"
import type { LedgerRecord } from "../../../lib/ledger/export-rows"

/** Where a page of the export ends: the last row's sort key (booked_at kept as text: microseconds). */
export type LedgerCursor = {
  booked_at: string
  transaction_id: string
  allocation_id: string
}

export type LedgerPage = {
  rows: (LedgerRecord & { booked_key: string })[]
  next: LedgerCursor | null
}

const FROM = `
  FROM bank_transfer_transaction t
  LEFT JOIN bank_transfer_allocation a
         ON a.transaction_id = t.id AND a.reversed_at IS NULL AND a.deleted_at IS NULL
  LEFT JOIN bank_transfer_expectation e ON e.id = a.expectation_id
 WHERE t.deleted_at IS NULL AND t.booked_at >= ? AND t.booked_at < ?`

/**
 * One page of the ledger export: movements booked in [start, end) joined with their live
 * allocations (reversed ones left out) and the orders' expectations, in booking order. Keyset
 * paging (booked_at, transaction id, allocation id), so memory stays bounded however long the period:
 * the route streams page after page. Amounts come back as numeric::text (major units, exact).
 */
export async function ledgerExportPage(
  manager: SqlManager,
  input: { start: Date; end: Date; after?: LedgerCursor | null; limit: number }
): Promise<LedgerPage> {
  const params: unknown[] = [input.start, input.end]
  let keyset = ""
  if (input.after) {
    keyset = ` AND (t.booked_at, t.id, COALESCE(a.id, '')) > (?::timestamptz, ?, ?)`
    params.push(
      input.after.booked_at,
      input.after.transaction_id,
      input.after.allocation_id
    )
  }
  params.push(input.limit)
  const rows: any[] = await manager.execute(
    `SELECT t.id AS transaction_id, t.booked_at, t.booked_at::text AS booked_key, t.account,
            t.counterparty_name, t.counterparty_account, t.memo, t.direction, t.amount::text AS amount,
            t.currency_code, t.status, t.source,
            a.id AS allocation_id, a.amount::text AS allocated_amount,
            e.order_id, e.order_number, e.email, e.company_name, e.tax_code, e.reference
       ${FROM}${keyset}
      ORDER BY t.booked_at, t.id, COALESCE(a.id, '')
      LIMIT ?`,
    params
  )
  const last = rows[rows.length - 1]
  return {
    rows,
    next:
      rows.length === input.limit
        ? {
            booked_at: last.booked_key,
            transaction_id: last.transaction_id,
            allocation_id: last.allocation_id ?? "",
          }
        : null,
  }
}

/** How many rows the export of [start, end) has (one per live allocation, or one per movement without). */
export async function countLedgerExportRows(
  manager: SqlManager,
  input: { start: Date; end: Date }
): Promise<number> {
  const [row] = await manager.execute(`SELECT COUNT(*)::int AS n ${FROM}`, [
    input.start,
    input.end,
  ])
  return row.n
}
