import type { Context } from "@medusajs/framework/types"
import type BankTransferModuleService from "../service"
import * as transactions from "../repositories/bank-transaction"
import type { SqlManager } from "../repositories/bank-transaction"
import { insertSystemAuditEvents } from "../repositories/audit-event"
import {
  insertMovementsAndSightings,
  loadRecordState,
  newSightingId,
  pairWithRecorded,
  PER_FACT_LOOKUP_MAX_ROWS,
  recordIfUnchanged,
  type RecordState,
} from "../repositories/sighting"
import type { NewSighting, SightingOutcome } from "../types"

/**
 * Records reports of bank movements, inside the caller's database transaction, so that each real
 * movement is one transaction whatever channel or file reports it and however often:
 * - a report already recorded (same dedupe key: a repeated delivery, a statement committed twice)
 *   is a `repeat`, and changes nothing;
 * - a report of a recorded movement (a shared bank key, the key in the other's memo, or one memo
 *   containing the other, within a day; see src/lib/ingest/identity.ts) joins it: `same_movement`,
 *   nothing to apply again;
 * - a report that cannot be told apart from a recorded movement (same account, amount and day,
 *   memos unrelated) is held: `possible_duplicate`, not applied until an accountant decides;
 * - anything else is a `new_movement`: a ledger transaction is created for it.
 * Writers that could report one movement are serialised by an advisory lock per (currency,
 * direction, amount) bucket (loadRecordState), and the repeat check is made under it, so concurrent
 * deliveries of one transfer by two channels record one movement. Returns one outcome per row, in
 * order.
 */
export async function recordSightings(
  this: BankTransferModuleService,
  rows: NewSighting[],
  sharedContext: Context
): Promise<SightingOutcome[]> {
  const manager = sharedContext.transactionManager as any
  if (!rows.length) {
    return []
  }
  // The identity lock, then the repeat check, movements already under these keys and the identity
  // look-up under it: one round trip.
  const state = await loadRecordState(manager, rows, dedupeKeys(rows), {
    lock: true,
  })
  const decision = decide(rows, state)
  await insertMovementsAndSightings(
    manager,
    decision.movements,
    decision.sightings
  )
  await insertSystemAuditEvents(manager, decision.audit)
  return decision.outcomes
}

/**
 * What recordSightings does, in two round trips and no transaction of its own, for the common
 * case: reports that are new movements or repeats. The state is read without the lock, the
 * outcomes decided from it, and the rows written by one statement that takes the lock and writes
 * them only if the state is still the same (recordIfUnchanged): the same rows as recordSightings
 * would have written. Returns null, having written nothing, when the reports join or may duplicate
 * a recorded movement (an accountant's audit trail is written with them), when the state
 * changed in between, or when they are more than PER_FACT_LOOKUP_MAX_ROWS (a statement file: read
 * without a digest): the caller then calls recordSightings.
 */
export async function recordSightingsIfUnchanged(
  manager: SqlManager,
  rows: NewSighting[]
): Promise<SightingOutcome[] | null> {
  if (!rows.length) {
    return []
  }
  if (rows.length > PER_FACT_LOOKUP_MAX_ROWS) {
    return null
  }
  const keys = dedupeKeys(rows)
  const state = await loadRecordState(manager, rows, keys)
  const decision = decide(rows, state)
  if (decision.audit.length || state.state === null) {
    return null
  }
  if (!decision.sightings.length) {
    // Repeats only: nothing to write, and a recorded report stays recorded.
    return decision.outcomes
  }
  const written = await recordIfUnchanged(
    manager,
    rows,
    keys,
    state.state,
    decision.movements,
    decision.sightings
  )
  return written ? decision.outcomes : null
}

const dedupeKeys = (rows: NewSighting[]) => [
  ...new Set(rows.map((r) => r.dedupe_key)),
]

/** The outcome of each row given what is recorded, and the rows that record it. */
function decide(rows: NewSighting[], state: RecordState) {
  const { known, movements: ledgerKeys, recorded } = state
  const outcomes: (SightingOutcome | null)[] = rows.map(() => null)
  const fresh: number[] = []
  // A report given twice in this batch: the second is a repeat of the first (filled in at the end).
  const firstInBatch = new Map<string, number>()
  const repeatsInBatch: [number, number][] = []
  rows.forEach((r, i) => {
    const seen = known.get(r.dedupe_key)
    const first = firstInBatch.get(r.dedupe_key)
    if (seen) {
      outcomes[i] = {
        sighting_id: seen.id,
        transaction_id: seen.transaction_id,
        candidate_transaction_id: seen.candidate_transaction_id,
        outcome: "repeat",
        basis: seen.basis,
      }
    } else if (first !== undefined) {
      repeatsInBatch.push([i, first])
    } else {
      firstInBatch.set(r.dedupe_key, i)
      fresh.push(i)
      outcomes[i] = {
        sighting_id: newSightingId(),
        transaction_id: null,
        candidate_transaction_id: null,
        outcome: "new_movement",
        basis: null,
      }
    }
  })
  const freshRows = fresh.map((i) => rows[i])
  const pairings = pairWithRecorded(freshRows, recorded)

  const movements: number[] = []
  pairings.forEach((p, k) => {
    const o = outcomes[fresh[k]]!
    o.basis = p.basis
    if (p.verdict === "same") {
      Object.assign(o, {
        outcome: "same_movement",
        transaction_id: p.movement_id,
      })
    } else if (p.verdict === "possible_duplicate") {
      Object.assign(o, {
        outcome: "possible_duplicate",
        candidate_transaction_id: p.movement_id,
      })
    } else {
      movements.push(fresh[k])
    }
  })
  // A new movement's id is made here, unless the ledger has its key already (see loadRecordState).
  const newMovements = movements.flatMap((j) => {
    const existing = ledgerKeys.get(rows[j].dedupe_key)
    outcomes[j]!.transaction_id = existing ?? transactions.newTransactionId()
    return existing
      ? []
      : [
          {
            ...rows[j],
            id: outcomes[j]!.transaction_id!,
            booked_at: new Date(rows[j].booked_at),
            raw: rows[j].raw ?? null,
          },
        ]
  })
  for (const [i, first] of repeatsInBatch) {
    outcomes[i] = { ...outcomes[first]!, outcome: "repeat" }
  }
  const sightings = fresh.map((i) => {
    const o = outcomes[i]!
    return {
      ...rows[i],
      id: o.sighting_id,
      transaction_id: o.transaction_id,
      candidate_transaction_id: o.candidate_transaction_id,
      status: o.outcome,
      basis: o.basis,
    }
  })
  const audit = fresh
    .filter((i) => outcomes[i]!.outcome !== "new_movement")
    .map((i) => {
      const o = outcomes[i]!
      const held = o.outcome === "possible_duplicate"
      return {
        transaction_id: held ? o.candidate_transaction_id : o.transaction_id,
        action: held ? "possible_duplicate_held" : "sighting_joined",
        message: held
          ? `A ${rows[i].source} report could be this transfer again: held for an accountant`
          : `Also reported by ${rows[i].source}: not applied again`,
        data: {
          sighting_id: o.sighting_id,
          source: rows[i].source,
          channel: rows[i].channel,
          basis: o.basis,
          line: rows[i].line ?? null,
        },
      }
    })
  return {
    outcomes: outcomes as SightingOutcome[],
    movements: newMovements,
    sightings,
    audit,
  }
}
