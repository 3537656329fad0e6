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
import {
  INSERT_CHUNK,
  reportedFactValues,
  transactionsInsert,
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
 * What recording `rows` has to know, in one round trip (the function `bank_transfer_record_state`,
 * migration 20261202140000): which of `keys` are recorded already (the repeat check), which are a
 * movement's key already, and the recorded sightings of every movement that may be one of `rows`
 * (see loadRecordedSightings), in booking order.
 *
 * With `lock`, the identity lock is taken first, in the same round trip, and the reads are made
 * after it is granted: one transaction-scoped advisory lock per bucket of (currency, direction,
 * amount), in a fixed order (no deadlock). It serialises every writer of sightings that could be
 * one movement, so that the caller's decision holds until its transaction ends. Buckets keep the
 * lock count small whatever the statement's size. Only inside a transaction.
 */
export async function loadRecordState(
  manager: SqlManager,
  rows: NewSighting[],
  keys: string[],
  { lock = false }: { lock?: boolean } = {}
): Promise<{
  known: Map<string, KnownSighting>
  /** Movements already in the ledger under one of `keys`: dedupe key → transaction id. */
  movements: Map<string, string>
  recorded: RecordedMovementSighting[]
}> {
  const known = new Map<string, KnownSighting>()
  const movements = new Map<string, string>()
  if (!rows.length) {
    return { known, movements, recorded: [] }
  }
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
  const from = new Date(Math.min(...times) - (KEY_WINDOW_DAYS + 1) * DAY_MS)
  const to = new Date(Math.max(...times) + (KEY_WINDOW_DAYS + 1) * DAY_MS)
  const result: { kind: string; data: any }[] = await manager.execute(
    `SELECT kind, data FROM bank_transfer_record_state(?::integer[], ?::jsonb, ?::jsonb, ?, ?)`,
    [
      `{${buckets.join(",")}}`,
      JSON.stringify(keys),
      JSON.stringify([...facts.values()]),
      from,
      to,
    ]
  )
  const found: any[] = []
  for (const { kind, data } of result) {
    if (kind === "known") {
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
