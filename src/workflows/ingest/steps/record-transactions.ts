import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_TRANSFER_MODULE } from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"
import { summariseReports, toNewSightings } from "../utils/webhook-reports"
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
      toNewSightings(input.source, input.lines)
    )
    return new StepResponse(summariseReports(outcomes, input.lines))
  }
)
