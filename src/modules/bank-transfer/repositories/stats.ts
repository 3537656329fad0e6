import type { SqlManager } from "./bank-transaction"

/**
 * The figures of the Bank transfers page, from a few aggregate queries. Sums are decimal strings
 * per currency; `matched_automatically` is a percentage with one decimal, or null with no match.
 */
export async function reconciliationStats(
  manager: SqlManager,
  input: { day_start: Date; week_start: Date }
) {
  const received = await manager.execute(
    `SELECT currency_code,
            COALESCE(SUM(amount) FILTER (WHERE booked_at >= ?), 0)::text AS today,
            COALESCE(SUM(amount), 0)::text AS week
       FROM bank_transfer_transaction
      WHERE direction = 'in' AND booked_at >= ? AND deleted_at IS NULL
      GROUP BY currency_code ORDER BY currency_code`,
    [input.day_start, input.week_start]
  )
  const [matching] = await manager.execute(
    `SELECT COUNT(DISTINCT transaction_id) FILTER (WHERE created_by = 'system')::int AS automatic,
            COUNT(DISTINCT transaction_id)::int AS total
       FROM bank_transfer_allocation WHERE reversed_at IS NULL AND deleted_at IS NULL AND created_at >= ?`,
    [input.week_start]
  )
  const [counts] = await manager.execute(
    `SELECT (SELECT COUNT(*) FROM bank_transfer_suggestion WHERE status = 'pending' AND deleted_at IS NULL)::int AS suggestions_pending,
            (SELECT COUNT(*) FROM bank_transfer_transaction WHERE status = 'unmatched' AND direction = 'in' AND deleted_at IS NULL)::int AS unmatched,
            (SELECT COUNT(*) FROM bank_transfer_expectation WHERE status = 'tentatively_canceled' AND deleted_at IS NULL)::int AS orders_on_hold,
            (SELECT COUNT(*) FROM bank_transfer_expectation WHERE status = 'customer_confirmed' AND deleted_at IS NULL)::int AS customer_confirmed`
  )
  return {
    received,
    matched_automatically: matching.total
      ? Math.round((matching.automatic / matching.total) * 1000) / 10
      : null,
    ...counts,
  }
}
