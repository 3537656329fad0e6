import {
  KEY_WINDOW_DAYS,
  pairSightings,
  type Pairing,
  type RecordedSighting,
  type Sighting,
} from "../../../lib/ingest/identity"
import { toMinorUnits } from "../../../lib/money/minor-units"
import { entityId } from "../../../lib/identifiers/entity-id"
import type { NewSighting } from "../types"
import { placeholders } from "../utils"
import type { SqlManager } from "./bank-transaction"

const DAY_MS = 86_400_000
/** Facts tuples per look-up statement (3 parameters each, far below PostgreSQL's 65,535). */
const FACTS_CHUNK = 5000
/** Sightings per INSERT (26 parameters each). */
const INSERT_CHUNK = 1000

/** Sightings that can only be one movement share currency, direction and exact amount. */
export const factsKey = (s: {
  currency_code: string
  direction: string
  amount: string
}) =>
  `${s.currency_code.toUpperCase()}|${s.direction}|${toMinorUnits(s.amount, s.currency_code)}`

/** The sighting as the pure identity rules read it. */
export const asIdentitySighting = (s: NewSighting): Sighting => ({
  account: s.account,
  booked_at: new Date(s.booked_at),
  amount: s.amount,
  currency_code: s.currency_code.toUpperCase(),
  direction: s.direction,
  memo: s.memo ?? "",
  bank_references: s.bank_references ?? [],
  channel: s.channel,
})

export type RecordedMovementSighting = RecordedSighting & {
  source: string
  booked_at: Date
}

/**
 * The recorded sightings of every movement that may be one of `rows`: same currency, direction and
 * amount, booked within KEY_WINDOW_DAYS of the batch. Held possible duplicates are not movements.
 */
export async function loadRecordedSightings(
  manager: SqlManager,
  rows: NewSighting[]
): Promise<RecordedMovementSighting[]> {
  if (!rows.length) {
    return []
  }
  const facts = new Map<string, [string, string, string]>()
  for (const r of rows) {
    facts.set(factsKey(r), [
      r.currency_code.toUpperCase(),
      r.direction,
      r.amount,
    ])
  }
  const times = rows.map((r) => new Date(r.booked_at).getTime())
  const from = new Date(Math.min(...times) - (KEY_WINDOW_DAYS + 1) * DAY_MS)
  const to = new Date(Math.max(...times) + (KEY_WINDOW_DAYS + 1) * DAY_MS)
  const tuples = [...facts.values()]
  const out: RecordedMovementSighting[] = []
  for (let i = 0; i < tuples.length; i += FACTS_CHUNK) {
    const chunk = tuples.slice(i, i + FACTS_CHUNK)
    const found: any[] = await manager.execute(
      `SELECT s.transaction_id, s.account, s.booked_at, s.amount::text AS amount, s.currency_code, s.direction, s.memo,
              s.bank_references, s.channel, s.source
         FROM bank_transfer_sighting s
         JOIN bank_transfer_transaction t ON t.id = s.transaction_id AND t.deleted_at IS NULL
        WHERE s.deleted_at IS NULL AND s.transaction_id IS NOT NULL
          AND (t.currency_code, t.direction, t.amount) IN (${chunk.map(() => "(?, ?, ?::numeric)").join(",")})
          AND t.booked_at BETWEEN ? AND ?
        ORDER BY t.booked_at, s.created_at`,
      [...chunk.flat(), from, to]
    )
    for (const f of found) {
      out.push({
        movement_id: f.transaction_id,
        account: f.account,
        booked_at: new Date(f.booked_at),
        amount: f.amount,
        currency_code: f.currency_code,
        direction: f.direction,
        memo: f.memo ?? "",
        bank_references: Array.isArray(f.bank_references)
          ? f.bank_references
          : [],
        channel: f.channel,
        source: f.source,
      })
    }
  }
  return out
}

/**
 * Pairs new sightings with recorded movements (see pairSightings), one group of like facts and one
 * channel at a time, so that the work grows with the candidates of each line, not with the batch
 * times the ledger.
 */
export function pairWithRecorded(
  rows: NewSighting[],
  recorded: RecordedMovementSighting[]
): Pairing[] {
  const byFacts = groupBy(recorded, (r) => factsKey(r))
  const groups = groupBy(
    rows.map((_, i) => i),
    (i) => `${factsKey(rows[i])}#${rows[i].channel}`
  )
  const out: Pairing[] = rows.map(() => ({
    movement_id: null,
    verdict: "different",
    basis: null,
  }))
  for (const indexes of groups.values()) {
    const candidates = byFacts.get(factsKey(rows[indexes[0]])) ?? []
    if (!candidates.length) {
      continue
    }
    const pairings = pairSightings(
      indexes.map((i) => asIdentitySighting(rows[i])),
      candidates
    )
    pairings.forEach((p, k) => (out[indexes[k]] = p))
  }
  return out
}

/** Which of these dedupe keys are recorded already, with what became of them. */
export async function findSightingsByKey(manager: SqlManager, keys: string[]) {
  const found = new Map<
    string,
    {
      id: string
      transaction_id: string | null
      candidate_transaction_id: string | null
      status: string
      basis: string | null
    }
  >()
  for (let i = 0; i < keys.length; i += FACTS_CHUNK) {
    const chunk = keys.slice(i, i + FACTS_CHUNK)
    const rows: any[] = await manager.execute(
      `SELECT id, dedupe_key, transaction_id, candidate_transaction_id, status, basis FROM bank_transfer_sighting
        WHERE dedupe_key IN (${placeholders(chunk)}) AND deleted_at IS NULL`,
      chunk
    )
    rows.forEach((r) => found.set(r.dedupe_key, r))
  }
  return found
}

/** Inserts sightings (ids given); one statement per INSERT_CHUNK rows. */
export async function insertSightings(
  manager: SqlManager,
  rows: (NewSighting & {
    id: string
    transaction_id: string | null
    candidate_transaction_id: string | null
    status: string
    basis: string | null
  })[]
) {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const chunk = rows.slice(i, i + INSERT_CHUNK)
    const values = chunk.flatMap((r) => [
      r.id,
      r.transaction_id,
      r.candidate_transaction_id,
      r.status,
      r.basis,
      r.source,
      r.channel,
      r.external_id,
      r.dedupe_key,
      r.account,
      new Date(r.booked_at),
      r.amount,
      JSON.stringify({ value: r.amount, precision: 20 }),
      r.currency_code.toUpperCase(),
      r.direction,
      r.memo ?? "",
      r.counterparty_name ?? null,
      r.counterparty_account ?? null,
      JSON.stringify(r.bank_references ?? []),
      r.payer_reference ?? null,
      JSON.stringify(r.raw ?? null),
      r.import_id ?? null,
      r.line ?? null,
    ])
    await manager.execute(
      `INSERT INTO bank_transfer_sighting
        (id, transaction_id, candidate_transaction_id, status, basis, source, channel, external_id, dedupe_key,
         account, booked_at, amount, raw_amount, currency_code, direction, memo, counterparty_name,
         counterparty_account, bank_references, payer_reference, raw, import_id, line)
       VALUES ${chunk.map(() => "(?,?,?,?,?,?,?,?,?,?,?,?,?::jsonb,?,?,?,?,?,?::jsonb,?,?::jsonb,?,?)").join(",")}`,
      values
    )
  }
}

function groupBy<T>(items: T[], key: (item: T) => string) {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const k = key(item)
    const group = groups.get(k)
    if (group) {
      group.push(item)
    } else {
      groups.set(k, [item])
    }
  }
  return groups
}

export const newSightingId = () => entityId("btsig")

/**
 * Serialises every writer of sightings that could be one movement: one transaction-scoped advisory
 * lock per bucket of (currency, direction, amount), taken in a fixed order (no deadlock). Buckets
 * keep the lock count small whatever the statement's size.
 */
export async function lockIdentityBuckets(
  manager: SqlManager,
  rows: NewSighting[]
) {
  const buckets = [...new Set(rows.map((r) => bucketOf(factsKey(r))))].sort(
    (a, b) => a - b
  )
  if (!buckets.length) {
    return
  }
  await manager.execute(
    `SELECT ${buckets.map(() => "pg_advisory_xact_lock(7301, ?)").join(", ")}`,
    buckets
  )
}

const BUCKETS = 256
function bucketOf(key: string) {
  let h = 0
  for (let i = 0; i < key.length; i++) {
    h = (Math.imul(h, 31) + key.charCodeAt(i)) | 0
  }
  return ((h % BUCKETS) + BUCKETS) % BUCKETS
}

/**
 * What a statement import recorded, read back from the ledger: per outcome and currency, the
 * number of lines and their sum (decimal string).
 */
export async function summariseImport(manager: SqlManager, importId: string) {
  const rows: {
    status: string
    currency_code: string
    lines: number
    total: string
  }[] = await manager.execute(
    `SELECT status, currency_code, COUNT(*)::int AS lines, COALESCE(SUM(amount), 0)::text AS total
       FROM bank_transfer_sighting WHERE import_id = ? AND deleted_at IS NULL
      GROUP BY status, currency_code ORDER BY status, currency_code`,
    [importId]
  )
  return rows
}
