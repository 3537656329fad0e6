import { OPEN_STATUSES, UNPAID_STATUSES } from "../state-machine"
import type { CandidateKeys } from "../types"
import { placeholders } from "../utils"
import type { SqlManager } from "./bank-transaction"

/**
 * Open expectations that share an identifier with a transaction, found through indexes: one query
 * of index look-ups, never a scan of every open order. Each look-up is bounded: the matcher needs
 * to tell one candidate from several, not every row.
 */
export async function findCandidates(
  manager: SqlManager,
  keys: CandidateKeys
): Promise<Record<string, any>[]> {
  const clauses: string[] = []
  const params: unknown[] = []
  // An order flagged "needs attention" still takes the rest of its money (its capture is retried).
  const open = `status IN (${placeholders(UNPAID_STATUSES)}) AND deleted_at IS NULL`
  const anyOf = (column: string, values: string[], limit = 50) => {
    if (!values.length) {
      return
    }
    clauses.push(
      `(SELECT * FROM bank_transfer_expectation WHERE ${column} IN (${placeholders(values)}) AND ${open} LIMIT ${limit})`
    )
    params.push(...values, ...UNPAID_STATUSES)
  }
  anyOf("reference", keys.references)
  anyOf("order_number", keys.order_numbers)
  anyOf("tax_code", keys.tax_codes)
  anyOf("phone", keys.phones)
  anyOf("company_token", keys.company_tokens)
  anyOf("customer_id", keys.customer_ids)
  if (keys.amount) {
    clauses.push(
      `(SELECT * FROM bank_transfer_expectation WHERE currency_code = ? AND amount_remaining = ? AND placed_at BETWEEN ? AND ? AND ${open} LIMIT 3)`
    )
    params.push(
      keys.amount.currency_code,
      keys.amount.value,
      keys.amount.from,
      keys.amount.to,
      ...UNPAID_STATUSES
    )
  }
  if (!clauses.length) {
    return []
  }
  return manager.execute(
    `SELECT DISTINCT ON (id) * FROM (${clauses.join(" UNION ALL ")}) c`,
    params
  )
}

/** Up to `limit` open expectations whose next escalation step is due, locked for this transaction. */
export async function lockDueExpectations(
  manager: SqlManager,
  now: Date,
  limit: number
) {
  // Every column: the job tells the shopper from these rows, without reading them again.
  // Ordered by the indexed `next_step_at` alone: PostgreSQL then walks the partial index and stops
  // after `limit` locked rows. A tie-breaker outside the index (`, id`) makes it sort every due row
  // for each batch (LIMIT sits above the row locks, so the sort cannot be bounded), and the orders
  // placed on one day share a `next_step_at` (a business day's midnight): 100,000 due orders cost
  // 0.5–1 s per batch of 500 that way, against a few milliseconds.
  return manager.execute(
    `SELECT * FROM bank_transfer_expectation
      WHERE next_step_at <= ? AND status IN (${placeholders(OPEN_STATUSES)}) AND deleted_at IS NULL
      ORDER BY next_step_at LIMIT ? FOR UPDATE SKIP LOCKED`,
    [now, ...OPEN_STATUSES, limit]
  )
}

/** Writes a batch's escalation state in one statement. */
export async function updateEscalations(
  manager: SqlManager,
  rows: {
    id: string
    status: string
    steps_done: Record<string, string>
    next_step: string | null
    next_step_at: Date | null
  }[]
) {
  if (!rows.length) {
    return
  }
  await manager.execute(
    `UPDATE bank_transfer_expectation e
        SET status = v.status::text, steps_done = v.steps_done::jsonb, next_step = v.next_step::text,
            next_step_at = v.next_step_at::timestamptz, updated_at = now()
       FROM (VALUES ${rows.map(() => "(?, ?, ?, ?, ?)").join(",")}) AS v(id, status, steps_done, next_step, next_step_at)
      WHERE e.id = v.id`,
    rows.flatMap((r) => [
      r.id,
      r.status,
      JSON.stringify(r.steps_done),
      r.next_step,
      r.next_step_at,
    ])
  )
}

/**
 * Sets an expectation's payment-page token (nothing else: not its status), answering the token it
 * had, or null when there is no such expectation.
 */
export async function setPageToken(
  manager: SqlManager,
  id: string,
  token: string
): Promise<string | null> {
  const [before] = await manager.execute(
    `SELECT page_token FROM bank_transfer_expectation WHERE id = ? AND deleted_at IS NULL FOR UPDATE`,
    [id]
  )
  if (!before) {
    return null
  }
  await manager.execute(
    `UPDATE bank_transfer_expectation SET page_token = ?, updated_at = now() WHERE id = ?`,
    [token, id]
  )
  return before.page_token
}
