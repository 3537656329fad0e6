import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_TRANSFER_MODULE } from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"
import { fingerprint } from "../../../lib/ingest/fingerprint"
import type { IncomingLine } from "../../../lib/ingest/webhooks/types"

export type RecordTransactionsInput = { source: string; lines: IncomingLine[]; import_id?: string | null }

/**
 * Stores lines in the ledger once each: the unique dedupe key absorbs repeated and concurrent
 * deliveries. The ledger is append-only (a stored line is a fact the bank reported), so there is
 * nothing to compensate; a line stored by a run that failed later is matched by the sweep job.
 */
export const recordTransactionsStep = createStep(
  "bank-transfer-record-transactions",
  async (input: RecordTransactionsInput, { container }) => {
    const service: BankTransferModuleService = container.resolve(BANK_TRANSFER_MODULE)
    const rows = await service.recordTransactions(
      input.lines.map((line) => {
        const l = { ...line, booked_at: new Date(line.booked_at) }
        return { ...l, source: input.source, fingerprint: fingerprint(l), import_id: input.import_id ?? null }
      })
    )
    const transactions = rows.map((r, i) => ({ id: r.id, created: r.created, direction: input.lines[i].direction }))
    return new StepResponse({
      transactions,
      created: transactions.filter((t) => t.created).length,
      duplicates: transactions.filter((t) => !t.created).length,
    })
  }
)
