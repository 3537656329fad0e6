import { entityId } from "../../../lib/identifiers/entity-id"
import type { NewBankTransaction } from "../types"
import { dedupeKey, placeholders } from "../utils"

/** A MikroORM entity manager, as Medusa hands it to module methods (raw SQL with `?` placeholders). */
export type SqlManager = {
  execute: (sql: string, params?: unknown[]) => Promise<any[]>
  /** The Knex instance under it, and the Knex transaction it is in (if any): see executeBound. */
  getKnex: () => {
    raw: (
      sql: string,
      bindings: readonly unknown[]
    ) => PromiseLike<{ rows: any[] }> & { transacting: (trx: any) => unknown }
  }
  getTransactionContext: () => unknown
}

/**
 * Runs `sql` (`?` placeholders) with `params` sent to PostgreSQL as bound parameters, in the
 * manager's transaction when it is in one, and returns the rows. MikroORM's `execute` writes every
 * value into the SQL text instead, escaping it character by character in JavaScript: for the JSON
 * arguments of the webhook path's two statements that was about a tenth of a delivery's Node CPU
 * beyond the floor route (README "Performance"). Errors are PostgreSQL's, unconverted.
 */
export async function executeBound(
  manager: SqlManager,
  sql: string,
  params: readonly unknown[]
): Promise<any[]> {
  const query = manager.getKnex().raw(sql, params)
  const trx = manager.getTransactionContext()
  if (trx) {
    query.transacting(trx)
  }
  return (await query).rows
}

/** PostgreSQL takes at most 65,535 parameters per statement (17 per ledger row): rows are inserted in chunks. */
export const INSERT_CHUNK = 1000

export const newTransactionId = () => entityId("bttx")

type ReportedFacts = {
  account: string | null
  booked_at: Date | string
  amount: string
  currency_code: string
  direction: string
  memo?: string | null
  counterparty_name?: string | null
  counterparty_account?: string | null
}

/**
 * What a report says of the money, as the ledger and the sightings both store it (column names
 * and stored forms: `amount` a decimal string in the currency's main unit, `raw_amount` Medusa's
 * BigNumber JSON, the currency upper case).
 */
export const reportedFacts = (r: ReportedFacts) => ({
  account: r.account,
  booked_at: new Date(r.booked_at),
  amount: r.amount,
  raw_amount: { value: r.amount, precision: 20 },
  currency_code: r.currency_code.toUpperCase(),
  direction: r.direction,
  memo: r.memo ?? "",
  counterparty_name: r.counterparty_name ?? null,
  counterparty_account: r.counterparty_account ?? null,
})

/**
 * reportedFacts as statement values, in the tables' shared column order: account, booked_at,
 * amount, raw_amount, currency_code, direction, memo, counterparty_name, counterparty_account.
 */
export const reportedFactValues = (r: ReportedFacts) => {
  const f = reportedFacts(r)
  return [
    f.account,
    f.booked_at,
    f.amount,
    JSON.stringify(f.raw_amount),
    f.currency_code,
    f.direction,
    f.memo,
    f.counterparty_name,
    f.counterparty_account,
  ]
}

/** A new ledger row (id given) as `bank_transfer_insert_records` takes it (column names). */
export const movementRecord = (
  r: NewBankTransaction & { id: string; dedupe_key: string }
) => ({
  id: r.id,
  source: r.source,
  external_id: r.external_id,
  dedupe_key: r.dedupe_key,
  fingerprint: r.fingerprint,
  ...reportedFacts(r),
  raw: r.raw ?? null,
  // A new movement is unmatched, an outgoing one ignored until a refund claims it.
  status: r.direction === "out" ? "ignored" : "unmatched",
  import_id: r.import_id ?? null,
})

/**
 * The `INSERT … ON CONFLICT (dedupe_key) DO NOTHING` of ledger rows whose ids are given (a new
 * movement is unmatched, an outgoing one ignored until a refund claims it), as SQL and values, for
 * up to INSERT_CHUNK rows; a statement of its own or a CTE of one (see insertMovementsAndSightings).
 */
export function transactionsInsert(
  rows: (NewBankTransaction & { id: string; dedupe_key: string })[]
) {
  const values: unknown[] = []
  const tuples = rows.map((r) => {
    values.push(
      r.id,
      r.source,
      r.external_id,
      r.dedupe_key,
      r.fingerprint,
      ...reportedFactValues(r),
      JSON.stringify(r.raw ?? null),
      r.direction === "out" ? "ignored" : "unmatched",
      r.import_id ?? null
    )
    return '(?,?,?,?,?,?,?,?,?::jsonb,?,?,?,?,?,?::jsonb,?,0,\'{"value":"0","precision":20}\'::jsonb,?)'
  })
  return {
    sql: `INSERT INTO bank_transfer_transaction
      (id, source, external_id, dedupe_key, fingerprint, account, booked_at, amount, raw_amount,
       currency_code, direction, memo, counterparty_name, counterparty_account, raw, status,
       amount_allocated, raw_amount_allocated, import_id)
     VALUES ${tuples.join(",")}
     ON CONFLICT (dedupe_key) WHERE deleted_at IS NULL DO NOTHING`,
    values,
  }
}

/**
 * Inserts up to INSERT_CHUNK ledger rows in one `INSERT … ON CONFLICT (dedupe_key) DO NOTHING`,
 * atomic by itself. Returns every row's id (the existing one for a known key) and whether this
 * statement created it.
 */
export async function insertTransactions(
  manager: SqlManager,
  rows: NewBankTransaction[]
) {
  if (!rows.length) {
    return []
  }
  const keyed = rows.map((r) => ({
    ...r,
    id: newTransactionId(),
    dedupe_key: dedupeKey(r),
  }))
  const insert = transactionsInsert(keyed)
  const inserted: { id: string; dedupe_key: string }[] = await manager.execute(
    `${insert.sql} RETURNING id, dedupe_key`,
    insert.values
  )
  const createdKeys = new Set(inserted.map((r) => r.dedupe_key))
  const missing = keyed
    .filter((r) => !createdKeys.has(r.dedupe_key))
    .map((r) => r.dedupe_key)
  const existing: { id: string; dedupe_key: string }[] = missing.length
    ? await manager.execute(
        `SELECT id, dedupe_key FROM bank_transfer_transaction WHERE dedupe_key IN (${placeholders(missing)})`,
        missing
      )
    : []
  const byKey = new Map(existing.map((r) => [r.dedupe_key, r.id]))
  inserted.forEach((r) => byKey.set(r.dedupe_key, r.id))
  return keyed.map((r) => ({
    id: byKey.get(r.dedupe_key)!,
    dedupe_key: r.dedupe_key,
    created: createdKeys.has(r.dedupe_key),
  }))
}

/**
 * Pairs of transactions recorded before reports were paired across channels (their sighting was
 * written by the migration, basis "migrated"), with the same currency, direction and amount,
 * booked within two days of each other (the older first): candidates for "stored twice". Movements
 * recorded since were paired when they arrived, or held for the accountant, and are not listed.
 */
export async function findStoredDuplicates(manager: SqlManager, limit: number) {
  return manager.execute(
    `SELECT a.id AS first_id, b.id AS second_id, a.amount::text AS amount, a.currency_code, a.direction,
            a.source AS first_source, b.source AS second_source, a.booked_at AS first_booked_at,
            b.booked_at AS second_booked_at, a.memo AS first_memo, b.memo AS second_memo,
            a.account AS first_account, b.account AS second_account, a.raw AS first_raw, b.raw AS second_raw,
            a.status AS first_status, b.status AS second_status, a.import_id AS first_import_id, b.import_id AS second_import_id
       FROM bank_transfer_transaction a
       JOIN bank_transfer_transaction b
         ON b.currency_code = a.currency_code AND b.direction = a.direction AND b.amount = a.amount
        AND b.id > a.id AND b.booked_at BETWEEN a.booked_at - interval '2 days' AND a.booked_at + interval '2 days'
        AND b.deleted_at IS NULL
      WHERE a.deleted_at IS NULL AND (a.source <> b.source OR a.import_id IS DISTINCT FROM b.import_id)
        AND EXISTS (SELECT 1 FROM bank_transfer_sighting s WHERE s.transaction_id = a.id AND s.basis = 'migrated')
        AND EXISTS (SELECT 1 FROM bank_transfer_sighting s WHERE s.transaction_id = b.id AND s.basis = 'migrated')
      ORDER BY a.booked_at DESC
      LIMIT ?`,
    [limit]
  )
}

/** A transaction as the matcher reads it, with the expectations an accountant said it does not pay. */
export type TransactionForMatching = {
  id: string
  amount: string
  amount_allocated: string
  currency_code: string
  direction: "in" | "out"
  memo: string
  counterparty_name: string | null
  status: string
  booked_at: Date
  reconciled_at: Date | null
  rejected: Set<string>
}

/** One query: it runs for every incoming line. */
export async function loadForMatching(
  manager: SqlManager,
  transactionId: string
): Promise<TransactionForMatching | null> {
  const [row]: any[] = await manager.execute(
    `SELECT t.id, t.amount::text AS amount, t.amount_allocated::text AS amount_allocated, t.currency_code,
            t.direction, t.memo, t.booked_at, t.counterparty_name, t.status, t.reconciled_at,
            ARRAY(SELECT r.expectation_id FROM bank_transfer_rejected_pair r
                   WHERE r.transaction_id = t.id AND r.deleted_at IS NULL) AS rejected
       FROM bank_transfer_transaction t WHERE t.id = ? AND t.deleted_at IS NULL`,
    [transactionId]
  )
  return row
    ? {
        ...row,
        booked_at: new Date(row.booked_at),
        reconciled_at: row.reconciled_at ? new Date(row.reconciled_at) : null,
        rejected: new Set<string>(row.rejected),
      }
    : null
}

/**
 * One more failed matching run on a transaction, with its error (at most 2,000 characters); the
 * run that reaches `max_attempts` parks it (needs_attention_at). Returns whether it is parked.
 */
export async function countMatchingFailure(
  manager: SqlManager,
  input: { transaction_id: string; error: string; max_attempts: number }
): Promise<boolean> {
  const [row] = await manager.execute(
    `UPDATE bank_transfer_transaction
        SET match_attempts = match_attempts + 1, match_error = ?,
            needs_attention_at = CASE WHEN match_attempts + 1 >= ? THEN now() ELSE needs_attention_at END,
            updated_at = now()
      WHERE id = ? RETURNING needs_attention_at`,
    [input.error.slice(0, 2000), input.max_attempts, input.transaction_id]
  )
  return !!row?.needs_attention_at
}
