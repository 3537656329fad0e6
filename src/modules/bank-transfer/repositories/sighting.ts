import {
  factsKey,
  KEY_WINDOW_DAYS,
  pairSightings,
  type Pairing,
  type RecordedSighting,
  type Sighting,
} from "../../../lib/ingest/identity"
import { entityId } from "../../../lib/identifiers/entity-id"
import { placeholders } from "../utils"
import type { NewBankTransaction, NewSighting } from "../types"
import {
  executeBound,
  movementRecord,
  reportedFacts,
  type SqlManager,
} from "./bank-transaction"

const DAY_MS = 86_400_000

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
 * With `lock`, read under the identity lock (see loadRecordState).
 */
export async function loadRecordedSightings(
  manager: SqlManager,
  rows: NewSighting[],
  options: { lock?: boolean } = {}
): Promise<RecordedMovementSighting[]> {
  return (await loadRecordState(manager, rows, [], options)).recorded
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
 * Up to this many reports, loadRecordState reads through `bank_transfer_record_state`: index
 * look-ups per (currency, direction, amount), and with the lock in the same round trip (a webhook
 * batch). More (a statement file, a long generic delivery) are read by one join per chunk of facts,
 * planned on its literal values: per-fact look-ups planned on stale statistics (a ledger that has
 * just grown by a statement, before autovacuum's ANALYZE) scanned the booking window once per fact,
 * minutes for 25,000 lines; the join reads the window once whatever the statistics.
 */
export const PER_FACT_LOOKUP_MAX_ROWS = 100
/** Facts (and keys) per statement of the join. */
const FACTS_CHUNK = 5000

/**
 * What recording `rows` has to know: which of `keys` are recorded already (the repeat check), which
 * are a movement's key already, and the recorded sightings of every movement that may be one of
 * `rows` (see loadRecordedSightings), in booking order. Up to PER_FACT_LOOKUP_MAX_ROWS rows, in one
 * round trip (the function `bank_transfer_record_state`, migration 20261202140000), with a digest
 * of all of it (`state`, for recordIfUnchanged); beyond, one statement per chunk and no digest.
 *
 * With `lock`, the identity lock is taken first and the reads are made after it is granted: one
 * transaction-scoped advisory lock per bucket of (currency, direction, amount), in a fixed order
 * (no deadlock). It serialises every writer of sightings that could be one movement, so that the
 * caller's decision holds until its transaction ends. Buckets keep the lock count small whatever
 * the statement's size. Only inside a transaction.
 */
export async function loadRecordState(
  manager: SqlManager,
  rows: NewSighting[],
  keys: string[],
  { lock = false }: { lock?: boolean } = {}
): Promise<RecordState> {
  const known = new Map<string, KnownSighting>()
  const movements = new Map<string, string>()
  if (!rows.length) {
    return { known, movements, recorded: [], state: null }
  }
  const args = recordStateArguments(rows, lock)
  let state: string | null = null
  let result: { kind: string; data: any }[]
  if (rows.length <= PER_FACT_LOOKUP_MAX_ROWS) {
    result = await executeBound(
      manager,
      `SELECT kind, data FROM bank_transfer_record_state(?::integer[], ?::jsonb, ?::jsonb, ?, ?)`,
      functionParameters(args, keys)
    )
  } else {
    if (args.buckets.length) {
      await manager.execute(
        `SELECT ${args.buckets.map(() => "pg_advisory_xact_lock(7301, ?)").join(", ")}`,
        args.buckets
      )
    }
    result = await readRecordStateByJoin(manager, keys, args)
  }
  const found: any[] = []
  for (const { kind, data } of result) {
    if (kind === "state") {
      state = data
    } else if (kind === "known") {
      known.set(data.dedupe_key, data)
    } else if (kind === "movement") {
      movements.set(data.dedupe_key, data.id)
    } else {
      found.push(data)
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
  return { known, movements, recorded, state }
}

/**
 * The rows of bank_transfer_record_state, without the lock and the digest, read by one join per
 * chunk of facts and keys (see PER_FACT_LOOKUP_MAX_ROWS). `ord` orders the sightings of one
 * chunk, whose facts are apart from every other chunk's.
 */
async function readRecordStateByJoin(
  manager: SqlManager,
  keys: string[],
  { facts, from, to }: RecordStateArguments
) {
  const result: { kind: string; data: any }[] = []
  for (let i = 0; i < Math.max(facts.length, keys.length); i += FACTS_CHUNK) {
    const keyChunk = keys.slice(i, i + FACTS_CHUNK)
    const factChunk = facts.slice(i, i + FACTS_CHUNK)
    const parts: string[] = []
    const params: unknown[] = []
    if (keyChunk.length) {
      parts.push(
        `SELECT 'known' AS kind, to_jsonb(k) AS data FROM (
           SELECT id, dedupe_key, transaction_id, candidate_transaction_id, status, basis
             FROM bank_transfer_sighting
            WHERE dedupe_key IN (${placeholders(keyChunk)}) AND deleted_at IS NULL) k`,
        // A movement written under a key with no sighting of it (before reports were kept apart).
        `SELECT 'movement' AS kind, to_jsonb(m) AS data FROM (
           SELECT id, dedupe_key FROM bank_transfer_transaction
            WHERE dedupe_key IN (${placeholders(keyChunk)}) AND deleted_at IS NULL) m`
      )
      params.push(...keyChunk, ...keyChunk)
    }
    if (factChunk.length) {
      parts.push(
        `SELECT 'recorded' AS kind, to_jsonb(r) AS data FROM (
           SELECT s.transaction_id, s.account, s.booked_at, s.amount::text AS amount, s.currency_code,
                  s.direction, s.memo, s.bank_references, s.channel, s.source,
                  row_number() OVER (ORDER BY t.booked_at, s.created_at, s.id) AS ord
             FROM bank_transfer_sighting s
             JOIN bank_transfer_transaction t ON t.id = s.transaction_id AND t.deleted_at IS NULL
            WHERE s.deleted_at IS NULL
              AND (t.currency_code, t.direction, t.amount) IN (${factChunk.map(() => "(?, ?, ?::numeric)").join(",")})
              AND t.booked_at BETWEEN ? AND ?) r`
      )
      params.push(
        ...factChunk.flatMap((f) => [f.currency_code, f.direction, f.amount]),
        from,
        to
      )
    }
    result.push(...(await manager.execute(parts.join(" UNION ALL "), params)))
  }
  return result
}

/** What loadRecordState reads. */
export type RecordState = {
  known: Map<string, KnownSighting>
  /** Movements already in the ledger under one of `keys`: dedupe key → transaction id. */
  movements: Map<string, string>
  recorded: RecordedMovementSighting[]
  /**
   * A digest of all of it: equal digests, equal reads (see recordIfUnchanged). Null beyond
   * PER_FACT_LOOKUP_MAX_ROWS rows.
   */
  state: string | null
}

type RecordStateArguments = ReturnType<typeof recordStateArguments>

/**
 * The lock buckets (none without `lock`), the distinct (currency, direction, amount) facts and the
 * booking window of `rows`: what the identity look-up reads by.
 */
function recordStateArguments(rows: NewSighting[], lock: boolean) {
  const facts = new Map<
    string,
    { currency_code: string; direction: string; amount: string }
  >()
  for (const r of rows) {
    facts.set(factsKey(r), {
      currency_code: r.currency_code.toUpperCase(),
      direction: r.direction,
      amount: r.amount,
    })
  }
  const buckets = lock
    ? [...new Set([...facts.keys()].map(bucketOf))].sort((a, b) => a - b)
    : []
  const times = rows.map((r) => new Date(r.booked_at).getTime())
  return {
    buckets,
    facts: [...facts.values()],
    from: new Date(Math.min(...times) - (KEY_WINDOW_DAYS + 1) * DAY_MS),
    to: new Date(Math.max(...times) + (KEY_WINDOW_DAYS + 1) * DAY_MS),
  }
}

/** The first five parameters of bank_transfer_record_state and bank_transfer_record_if_unchanged. */
const functionParameters = (
  { buckets, facts, from, to }: RecordStateArguments,
  keys: string[]
) => [
  `{${buckets.join(",")}}`,
  JSON.stringify(keys),
  JSON.stringify(facts),
  from,
  to,
]

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

/** A new sighting as `bank_transfer_insert_records` takes it (column names). */
const sightingRecord = (r: SightingRow) => ({
  id: r.id,
  transaction_id: r.transaction_id,
  candidate_transaction_id: r.candidate_transaction_id,
  status: r.status,
  basis: r.basis,
  source: r.source,
  channel: r.channel,
  external_id: r.external_id,
  dedupe_key: r.dedupe_key,
  ...reportedFacts(r),
  bank_references: r.bank_references ?? [],
  payer_reference: r.payer_reference ?? null,
  raw: r.raw ?? null,
  import_id: r.import_id ?? null,
  line: r.line ?? null,
})

type NewMovement = NewBankTransaction & { id: string; dedupe_key: string }

/**
 * Writes new movements and the sightings of a batch together, in one statement whatever their
 * number (the rows go as two JSON parameters to `bank_transfer_insert_records`). Ids are given, and
 * a sighting may name a movement of the same call. The caller has made sure, under the identity
 * lock, that no movement has these dedupe keys yet: should one appear meanwhile, the unique index
 * refuses the statement and the caller's transaction rolls back (nothing half-recorded).
 */
export async function insertMovementsAndSightings(
  manager: SqlManager,
  movements: NewMovement[],
  sightings: SightingRow[]
) {
  if (!movements.length && !sightings.length) {
    return
  }
  await executeBound(
    manager,
    `SELECT bank_transfer_insert_records(?::jsonb, ?::jsonb)`,
    [
      JSON.stringify(movements.map(movementRecord)),
      JSON.stringify(sightings.map(sightingRecord)),
    ]
  )
}

/**
 * Writes what was decided from `state` (an unlocked loadRecordState of the same rows and keys)
 * only if it still holds: one statement that takes the identity lock, reads the state again and
 * inserts the rows when its digest is unchanged (`bank_transfer_record_if_unchanged`). Outside a
 * transaction the statement is its own, so the lock is held until the rows are committed: what it
 * writes is what a decision under the lock would have written. Returns false, having written
 * nothing, when the state has changed; the caller then records under the lock.
 */
export async function recordIfUnchanged(
  manager: SqlManager,
  rows: NewSighting[],
  keys: string[],
  state: string,
  movements: NewMovement[],
  sightings: SightingRow[]
): Promise<boolean> {
  const [{ written }] = await executeBound(
    manager,
    `SELECT bank_transfer_record_if_unchanged(?::integer[], ?::jsonb, ?::jsonb, ?, ?, ?, ?::jsonb, ?::jsonb) AS written`,
    [
      ...functionParameters(recordStateArguments(rows, true), keys),
      state,
      JSON.stringify(movements.map(movementRecord)),
      JSON.stringify(sightings.map(sightingRecord)),
    ]
  )
  return written === true
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
