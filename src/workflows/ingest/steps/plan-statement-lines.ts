import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_TRANSFER_MODULE } from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"
import type { StatementLine } from "../../../lib/ingest/statements"
import {
  STATEMENT_SOURCE,
  statementSightings,
  type PlannedLine,
} from "../utils/planned-lines"

/**
 * Which lines of a statement are new, already received (by a webhook or an earlier statement), or
 * possible duplicates, given everything recorded from any channel. Read-only: the commit decides
 * again, under lock, when it records them.
 */
export const planStatementLinesStep = createStep(
  "bank-transfer-plan-statement-lines",
  async (input: { lines: StatementLine[] }, { container }) => {
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    const sightings = statementSightings(input.lines, null)
    const pairings = await service.previewSightings(sightings)
    const planned: PlannedLine[] = input.lines.map((l, i) => {
      const p = pairings[i]
      const via =
        p.movement_id && p.movement
          ? {
              transaction_id: p.movement_id,
              source: p.movement.source,
              booked_at: p.movement.booked_at.toISOString(),
              basis: p.basis,
            }
          : null
      const state: PlannedLine["state"] =
        p.verdict === "possible_duplicate"
          ? "possible_duplicate"
          : p.verdict === "same"
            ? via?.source === STATEMENT_SOURCE
              ? "known"
              : "known_other_channel"
            : "new"
      return {
        ...l,
        booked_at: new Date(l.booked_at).toISOString(),
        fingerprint: sightings[i].fingerprint,
        state,
        known_via: via,
      }
    })
    return new StepResponse(planned)
  }
)
