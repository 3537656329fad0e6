import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { BANK_TRANSFER_MODULE } from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"
import { BankTransferEvents } from "../../../lib/events"
import type { IncomingLine } from "../../../lib/ingest/webhooks/types"
import {
  newMovements,
  summariseReports,
  toNewSightings,
  type RecordedReports,
} from "../../../workflows/ingest/utils/webhook-reports"

/**
 * A bank webhook's lines, recorded and announced: what recordBankTransactionsWorkflow does, on
 * the hot path without the workflow engine. The record is one call to the module, in one database
 * transaction (identity lock, repeat check, movement and report rows: nothing across modules, so
 * nothing to compensate); then one `bank_transfer.transaction_received` per new incoming movement
 * (and one `bank_transfer.outgoing_received` per new outgoing one, for the refunds it may pay)
 * through Medusa's event bus, as Medusa's own payment webhook route does (`/hooks/payment`): the
 * matcher runs in a subscriber, on a worker. Profiled (README "Performance"): the workflow engine's
 * run record and its grouped events cost Redis round trips per delivery, about half of the route's
 * own time. A crash between the commit and the event leaves the movement unmatched
 * (`reconciled_at` null) until the sweep job matches it, exactly as a lost grouped event would.
 */
export async function recordReports(
  scope: MedusaContainer,
  source: string,
  lines: IncomingLine[]
): Promise<RecordedReports> {
  const service: BankTransferModuleService = scope.resolve(BANK_TRANSFER_MODULE)
  const recorded = summariseReports(
    await service.recordSightings(toNewSightings(source, lines)),
    lines
  )
  const events = [
    ...newMovements(recorded, "in").map((data) => ({
      name: BankTransferEvents.TRANSACTION_RECEIVED,
      data,
    })),
    ...newMovements(recorded, "out").map((data) => ({
      name: BankTransferEvents.OUTGOING_RECEIVED,
      data,
    })),
  ]
  if (events.length) {
    await scope.resolve(Modules.EVENT_BUS).emit(events)
  }
  return recorded
}
