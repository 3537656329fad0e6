import { dedupeKey } from "../../../modules/bank-transfer/utils"
import { fingerprint } from "../../../lib/ingest/fingerprint"
import type { IncomingLine } from "../../../lib/ingest/webhooks/types"
import type {
  NewSighting,
  SightingOutcome,
} from "../../../modules/bank-transfer/types"

/** One channel's report, as recordBankTransactionsWorkflow and the webhook routes answer it. */
export type RecordedReports = {
  transactions: {
    /** The movement the line created or joined; null while held as a possible duplicate. */
    id: string | null
    candidate_transaction_id: string | null
    sighting_id: string
    outcome: SightingOutcome["outcome"]
    /** A new movement (the matcher is to run for it when it is incoming). */
    created: boolean
    direction: "in" | "out"
  }[]
  created: number
  duplicates: number
  held: number
}

/**
 * The lines a channel (`source`: "sepay", "casso", "payos", "generic", "simulation", …) reports,
 * as reports to record with the module's recordSightings: each with its dedupe key (the
 * channel's id of the line, else its fingerprint) and fingerprint.
 */
export function toNewSightings(
  source: string,
  lines: IncomingLine[]
): NewSighting[] {
  return lines.map((line) => {
    const l = { ...line, booked_at: new Date(line.booked_at) }
    const fp = fingerprint(l)
    return {
      ...l,
      source,
      channel: source,
      dedupe_key: dedupeKey({
        source,
        external_id: l.external_id,
        fingerprint: fp,
      }),
      fingerprint: fp,
      bank_references: l.bank_references ?? [],
      payer_reference: l.payer_reference ?? null,
    }
  })
}

/** recordSightings' outcomes per line (same order as `lines`), with the counts. */
export function summariseReports(
  outcomes: SightingOutcome[],
  lines: IncomingLine[]
): RecordedReports {
  const transactions = outcomes.map((o, i) => ({
    id: o.transaction_id,
    candidate_transaction_id: o.candidate_transaction_id,
    sighting_id: o.sighting_id,
    outcome: o.outcome,
    created: o.outcome === "new_movement",
    direction: lines[i].direction,
  }))
  return {
    transactions,
    created: transactions.filter((t) => t.created).length,
    duplicates: transactions.filter((t) => !t.created).length,
    held: transactions.filter((t) => t.outcome === "possible_duplicate").length,
  }
}

/**
 * The new movements among them in one direction: incoming ones are announced
 * (`transaction_received`) and matched (`transactionsToMatch`), outgoing ones are for the refunds
 * they may pay (`outgoing_received`).
 */
export const newMovements = (
  recorded: RecordedReports,
  direction: "in" | "out"
) =>
  recorded.transactions
    .filter((t) => t.created && t.direction === direction)
    .map((t) => ({ id: t.id as string }))

/**
 * The matcher's event for new incoming movements (`transactions_to_match`, `{ ids }`): one for all
 * of them, none when there are none.
 */
export const transactionsToMatch = (movements: { id: string }[]) =>
  movements.length ? [{ ids: movements.map((m) => m.id) }] : []
