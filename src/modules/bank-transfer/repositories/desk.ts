import type { SqlManager } from "./bank-transaction"
import { OPEN_STATUSES, type ExpectationStatus } from "../state-machine"

/** Open statuses as SQL placeholders with their values (constants, still bound as parameters). */
const OPEN_IN = OPEN_STATUSES.map(() => "?").join(", ")

/**
 * The work queues' sizes that the figures query does not already give, in one round trip:
 * - `attention_transactions`: movements parked after repeated matching failures;
 * - `attention_orders`: orders whose capture Medusa refused (status needs_attention);
 * - `possible_duplicates`: reports held until an accountant says same or different transfer.
 */
export async function deskQueueCounts(manager: SqlManager): Promise<{
  attention_transactions: number
  attention_orders: number
  possible_duplicates: number
}> {
  const [row] = await manager.execute(
    `SELECT (SELECT COUNT(*) FROM bank_transfer_transaction WHERE needs_attention_at IS NOT NULL AND deleted_at IS NULL)::int AS attention_transactions,
            (SELECT COUNT(*) FROM bank_transfer_expectation WHERE status = 'needs_attention' AND deleted_at IS NULL)::int AS attention_orders,
            (SELECT COUNT(*) FROM bank_transfer_sighting WHERE status = 'possible_duplicate' AND deleted_at IS NULL)::int AS possible_duplicates`
  )
  return row
}

/** Currencies that open orders are in (each may have its own business-day calendar). */
export async function openCurrencies(manager: SqlManager): Promise<string[]> {
  const rows = await manager.execute(
    `SELECT DISTINCT currency_code FROM bank_transfer_expectation
      WHERE status IN (${OPEN_IN}) AND deleted_at IS NULL ORDER BY currency_code`,
    [...OPEN_STATUSES]
  )
  return rows.map((r) => r.currency_code)
}

/** One age bucket's placement range for one currency (see lib/desk/age-buckets). */
export type BucketRange = {
  key: string
  placed_from: Date | null
  placed_before: Date | null
}

/**
 * The money still awaited from open orders, per currency: how many orders, the exact sum of what
 * they still owe (`amount_remaining`, decimal strings in the currency's major units as Medusa
 * stores amounts) and the same split by age bucket. `ranges` gives each currency's buckets as
 * placement ranges; a currency without ranges is left out. One aggregate query.
 */
export async function awaitedByAge(
  manager: SqlManager,
  ranges: Record<string, BucketRange[]>
): Promise<
  {
    currency_code: string
    count: number
    remaining: string
    buckets: { key: string; count: number; remaining: string }[]
  }[]
> {
  const currencies = Object.keys(ranges)
  if (!currencies.length) {
    return []
  }
  const keys = ranges[currencies[0]].map((r) => r.key)
  // Per bucket, a condition true for an order placed in it (its currency's range), with its values.
  const inBucket = keys.map((key) => {
    const values: unknown[] = []
    const sql = currencies
      .map((currency) => {
        const r = ranges[currency].find((x) => x.key === key)
        const parts = ["e.currency_code = ?"]
        values.push(currency)
        if (r?.placed_from) {
          parts.push("e.placed_at >= ?")
          values.push(r.placed_from)
        }
        if (r?.placed_before) {
          parts.push("e.placed_at < ?")
          values.push(r.placed_before)
        }
        return `(${parts.join(" AND ")})`
      })
      .join(" OR ")
    return { sql, values }
  })
  // Each condition is used twice (count and sum): its values are bound twice, in order.
  const columns = inBucket
    .map(
      (cond, i) =>
        `COUNT(*) FILTER (WHERE ${cond.sql})::int AS c${i},
         COALESCE(SUM(e.amount_remaining) FILTER (WHERE ${cond.sql}), 0)::text AS s${i}`
    )
    .join(",\n")
  const bound = inBucket.flatMap((cond) => [...cond.values, ...cond.values])
  const rows = await manager.execute(
    `SELECT e.currency_code,
            COUNT(*)::int AS count,
            COALESCE(SUM(e.amount_remaining), 0)::text AS remaining,
            ${columns}
       FROM bank_transfer_expectation e
      WHERE e.status IN (${OPEN_IN}) AND e.deleted_at IS NULL
        AND e.currency_code IN (${currencies.map(() => "?").join(", ")})
      GROUP BY e.currency_code ORDER BY e.currency_code`,
    [...bound, ...OPEN_STATUSES, ...currencies]
  )
  return rows.map((row) => ({
    currency_code: row.currency_code,
    count: row.count,
    remaining: row.remaining,
    buckets: keys.map((key, i) => ({
      key,
      count: row[`c${i}`],
      remaining: row[`s${i}`],
    })),
  }))
}

/** Filters of the waiting orders list (all optional but `statuses`). */
export type WaitingOrdersFilter = {
  statuses: readonly ExpectationStatus[]
  currency_code?: string
  placed_from?: Date
  placed_before?: Date
  limit: number
  offset: number
}

export type WaitingOrderRow = {
  id: string
  order_id: string
  order_number: string
  customer_id: string | null
  email: string | null
  company_name: string | null
  phone: string | null
  status: ExpectationStatus
  currency_code: string
  amount_due: string
  amount_received: string
  amount_remaining: string
  placed_at: Date
  attention_reason: string | null
  /** The shopper's latest "I have paid", null when they never said it. */
  confirmed_at: Date | null
  confirmations: number
  /** Proof files over all their confirmations. */
  proof_files: number
}

/**
 * Orders waiting for their money, for the desk's lists, with the shopper's confirmations
 * summarised (latest time, how many, how many proof files). Shoppers who say they paid come
 * first by the longest wait since their latest confirmation; other orders oldest placed first.
 */
export async function listWaitingOrders(
  manager: SqlManager,
  f: WaitingOrdersFilter
): Promise<[WaitingOrderRow[], number]> {
  const where = [
    "e.deleted_at IS NULL",
    `e.status IN (${f.statuses.map(() => "?").join(", ")})`,
  ]
  const params: unknown[] = [...f.statuses]
  if (f.currency_code) {
    where.push("e.currency_code = ?")
    params.push(f.currency_code.toUpperCase())
  }
  if (f.placed_from) {
    where.push("e.placed_at >= ?")
    params.push(f.placed_from)
  }
  if (f.placed_before) {
    where.push("e.placed_at < ?")
    params.push(f.placed_before)
  }
  const onlyConfirmed =
    f.statuses.length === 1 && f.statuses[0] === "customer_confirmed"
  const [[{ count }], rows] = await Promise.all([
    manager.execute(
      `SELECT COUNT(*)::int AS count FROM bank_transfer_expectation e WHERE ${where.join(" AND ")}`,
      params
    ),
    manager.execute(
      `SELECT e.id, e.order_id, e.order_number, e.customer_id, e.email, e.company_name, e.phone,
              e.status, e.currency_code, e.amount_due::text AS amount_due,
              e.amount_received::text AS amount_received,
              e.amount_remaining::text AS amount_remaining, e.placed_at, e.attention_reason,
              c.confirmed_at, COALESCE(c.confirmations, 0)::int AS confirmations,
              COALESCE(c.proof_files, 0)::int AS proof_files
         FROM bank_transfer_expectation e
         LEFT JOIN LATERAL (
              SELECT MAX(pc.created_at) AS confirmed_at, COUNT(*) AS confirmations,
                     SUM(CASE WHEN jsonb_typeof(pc.files::jsonb) = 'array'
                              THEN jsonb_array_length(pc.files::jsonb) ELSE 0 END) AS proof_files
                FROM bank_transfer_payment_confirmation pc
               WHERE pc.expectation_id = e.id AND pc.deleted_at IS NULL) c ON true
        WHERE ${where.join(" AND ")}
        ORDER BY ${onlyConfirmed ? "c.confirmed_at ASC NULLS LAST," : ""} e.placed_at ASC, e.id ASC
        LIMIT ? OFFSET ?`,
      [...params, f.limit, f.offset]
    ),
  ])
  return [rows as WaitingOrderRow[], count]
}
