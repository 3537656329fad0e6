import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_TRANSFER_MODULE } from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"
import { dedupeKey } from "../../../modules/bank-transfer/utils"
import { fingerprint } from "../../../lib/ingest/fingerprint"
import type { IncomingLine } from "../../../lib/ingest/webhooks/types"

export type RecordTransactionsInput = { source: string; lines: IncomingLine[] }

/**
 * Records what a channel reports, each line as a report of a bank movement (see the module's
 * recordSightings): a repeated delivery changes nothing, the same transfer already received by
 * another channel or statement joins its movement, one that cannot be told apart is held for an
 * accountant, anything else is a new movement. The ledger is append-only (a report is a fact the
 * bank gave), so there is nothing to compensate; a movement whose matching did not run is matched
 * by the sweep job.
 */
export const recordTransactionsStep = createStep(
  "bank-transfer-record-transactions",
  async (input: RecordTransactionsInput, { container }) => {
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    const outcomes = await service.recordSightings(
      input.lines.map((line) => {
        const l = { ...line, booked_at: new Date(line.booked_at) }
        const fp = fingerprint(l)
        return {
          ...l,
          source: input.source,
          channel: input.source,
          dedupe_key: dedupeKey({
            source: input.source,
            external_id: l.external_id,
            fingerprint: fp,
          }),
          fingerprint: fp,
          bank_references: l.bank_references ?? [],
          payer_reference: l.payer_reference ?? null,
        }
      })
    )
    const transactions = outcomes.map((o, i) => ({
      id: o.transaction_id,
      candidate_transaction_id: o.candidate_transaction_id,
      sighting_id: o.sighting_id,
      outcome: o.outcome,
      created: o.outcome === "new_movement",
      direction: input.lines[i].direction,
    }))
    return new StepResponse({
      transactions,
      created: transactions.filter((t) => t.created).length,
      duplicates: transactions.filter((t) => !t.created).length,
      held: transactions.filter((t) => t.outcome === "possible_duplicate")
        .length,
    })
  }
)
