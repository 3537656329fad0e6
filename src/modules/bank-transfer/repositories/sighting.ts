import {
  factsKey,
  KEY_WINDOW_DAYS,
  pairSightings,
  type Pairing,
  type RecordedSighting,
  type Sighting,
} from "../../../lib/ingest/identity"
import { entityId } from "../../../lib/identifiers/entity-id"
import type { NewBankTransaction, NewSighting } from "../types"
import { placeholders } from "../utils"
import {
  INSERT_CHUNK,
  reportedFactValues,
  transactionsInsert,
  type SqlManager,
} from "./bank-transaction"

const DAY_MS = 86_400_000
/** Facts tuples per look-up statement (3 parameters each, far below PostgreSQL's 65,535). */
const FACTS_CHUNK = 5000

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
  return (await loadRecordState(manager, rows, [])).recorded
}

/** A report recorded already under a dedupe key, with what became of it. */
export type KnownSighting = {
  id: string
  transaction_id: string | null
  candidate_transaction_id: string | null
  status: string
  basis: string | null
}

/**
 * What recording `rows` has to know, in one statement per chunk (a webhook delivery: one round
 * trip): which of `keys` are recorded already (the repeat check), which are a movement's key
 * already, and the recorded sightings of every movement that may be one of `rows` (see
 * loadRecordedSightings), in booking order.
 */
export async function loadRecordState(
  manager: SqlManager,
  rows: NewSighting[],
  keys: string[]
): Promise<{
  known: Map<string, KnownSighting>
  /** Movements already in the ledger under one of `keys`: dedupe key → transaction id. */
  movements: Map<string, string>
  recorded: RecordedMovementSighting[]
}> {
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
  const known = new Map<string, KnownSighting>()
  const movements = new Map<string, string>()
  const found: any[] = []
  for (let i = 0; i < Math.max(tuples.length, keys.length); i += FACTS_CHUNK) {
    const keyChunk = keys.slice(i, i + FACTS_CHUNK)
    const factChunk = tuples.slice(i, i + FACTS_CHUNK)
    const parts: string[] = []
    const params: unknown[] = []
    if (keyChunk.length) {
      parts.push(
        `SELECT 'known' AS kind, to_jsonb(k) AS row FROM (
           SELECT id, dedupe_key, transaction_id, candidate_transaction_id, status, basis
             FROM bank_transfer_sighting
            WHERE dedupe_key IN (${placeholders(keyChunk)}) AND deleted_at IS NULL) k`
      )
      params.push(...keyChunk)
      // A movement written under a key with no sighting of it (before reports were kept apart).
      parts.push(
        `SELECT 'movement' AS kind, to_jsonb(m) AS row FROM (
           SELECT id, dedupe_key FROM bank_transfer_transaction
            WHERE dedupe_key IN (${placeholders(keyChunk)}) AND deleted_at IS NULL) m`
      )
      params.push(...keyChunk)
    }
    if (factChunk.length) {
      parts.push(
        `SELECT 'recorded' AS kind, to_jsonb(r) AS row FROM (
           SELECT s.transaction_id, s.account, s.booked_at, s.amount::text AS amount, s.currency_code,
                  s.direction, s.memo, s.bank_references, s.channel, s.source,
                  row_number() OVER (ORDER BY t.booked_at, s.created_at, s.id) AS ord
             FROM bank_transfer_sighting s
             JOIN bank_transfer_transaction t ON t.id = s.transaction_id AND t.deleted_at IS NULL
            WHERE s.deleted_at IS NULL AND s.transaction_id IS NOT NULL
              AND (t.currency_code, t.direction, t.amount) IN (${factChunk.map(() => "(?, ?, ?::numeric)").join(",")})
              AND t.booked_at BETWEEN ? AND ?) r`
      )
      params.push(...factChunk.flat(), from, to)
    }
    const result: { kind: string; row: any }[] = await manager.execute(
      parts.join(" UNION ALL "),
      params
    )
    for (const { kind, row } of result) {
      if (kind === "known") {
        known.set(row.dedupe_key, row)
      } else if (kind === "movement") {
        movements.set(row.dedupe_key, row.id)
      } else {
        found.push(row)
      }
    }
  }
  // Booking order of the movement, then the order its reports came in (pairSightings takes the first).
  found.sort((a, b) => a.ord - b.ord)
  const recorded = found.map((f): RecordedMovementSighting => ({
    movement_id: f.transaction_id,
    account: f.account,
    booked_at: new Date(f.booked_at),
    amount: f.amount,
    currency_code: f.currency_code,
    direction: f.direction,
    memo: f.memo ?? "",
    bank_references: Array.isArray(f.bank_references) ? f.bank_references : [],
    channel: f.channel,
    source: f.source,
  }))
  return { known, movements, recorded }
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

export type SightingRow = NewSighting & {
  id: string
  transaction_id: string | null
  candidate_transaction_id: string | null
  status: string
  basis: string | null
}

/** The INSERT of up to INSERT_CHUNK sightings (ids given), as SQL and values. */
function sightingsInsert(rows: SightingRow[]) {
  const values = rows.flatMap((r) => [
    r.id,
    r.transaction_id,
    r.candidate_transaction_id,
    r.status,
    r.basis,
    r.source,
    r.channel,
    r.external_id,
    r.dedupe_key,
    ...reportedFactValues(r),
    JSON.stringify(r.bank_references ?? []),
    r.payer_reference ?? null,
    JSON.stringify(r.raw ?? null),
    r.import_id ?? null,
    r.line ?? null,
  ])
  return {
    sql: `INSERT INTO bank_transfer_sighting
        (id, transaction_id, candidate_transaction_id, status, basis, source, channel, external_id, dedupe_key,
         account, booked_at, amount, raw_amount, currency_code, direction, memo, counterparty_name,
         counterparty_account, bank_references, payer_reference, raw, import_id, line)
       VALUES ${rows.map(() => "(?,?,?,?,?,?,?,?,?,?,?,?,?::jsonb,?,?,?,?,?,?::jsonb,?,?::jsonb,?,?)").join(",")}`,
    values,
  }
}

/**
 * Writes new movements and the sightings of a batch together: per INSERT_CHUNK of each, one
 * statement (17 + 23 parameters a pair of rows, within PostgreSQL's 65,535), the movements' INSERT a CTE of the sightings' (a webhook delivery: one round trip).
 * Movement ids are given, and a sighting may name one inserted by the same statement (the foreign
 * key is checked at its end): `sightings[k]` may name any of `movements[0..k]`, which holds when
 * both lists are in the batch's order and each new movement has its sighting. The caller has made sure, under the identity lock, that no movement
 * has these dedupe keys yet: should one appear meanwhile, the sighting naming it fails its foreign
 * key and the whole batch is refused (the caller's transaction rolls back; nothing half-recorded).
 */
export async function insertMovementsAndSightings(
  manager: SqlManager,
  movements: (NewBankTransaction & { id: string; dedupe_key: string })[],
  sightings: SightingRow[]
) {
  const chunks = Math.max(movements.length, sightings.length)
  for (let i = 0; i < chunks; i += INSERT_CHUNK) {
    const m = movements.slice(i, i + INSERT_CHUNK)
    const s = sightings.slice(i, i + INSERT_CHUNK)
    const tx = m.length ? transactionsInsert(m) : null
    const sg = s.length ? sightingsInsert(s) : null
    if (tx && sg) {
      await manager.execute(`WITH movements AS (${tx.sql}) ${sg.sql}`, [
        ...tx.values,
        ...sg.values,
      ])
    } else if (tx || sg) {
      const only = (tx ?? sg)!
      await manager.execute(only.sql, only.values)
    }
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
