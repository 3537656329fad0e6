import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_TRANSFER_MODULE } from "../../modules/bank-transfer"
import type BankTransferModuleService from "../../modules/bank-transfer/service"
import type { IncomingLine } from "../../lib/webhooks/types"
import { fingerprint } from "../../lib/fingerprint"

export type RecordTransactionsInput = { source: string; lines: IncomingLine[]; import_id?: string | null }

/**
 * Stores lines in the append-only ledger, once each whatever the number of deliveries. No
 * compensation: what the bank said stays recorded even if matching later fails.
 */
export const recordTransactionsStep = createStep(
  "bank-transfer-record-transactions",
  async (input: RecordTransactionsInput, { container }) => {
    const service: BankTransferModuleService = container.resolve(BANK_TRANSFER_MODULE)
    const rows = await service.recordTransactions(
      input.lines.map((line) => {
        // Workflow inputs are serialised: dates arrive as strings.
        const l = { ...line, booked_at: new Date(line.booked_at) }
        return { ...l, source: input.source, fingerprint: fingerprint(l), import_id: input.import_id ?? null }
      })
    )
    return new StepResponse(
      rows.map((r, i) => ({ id: r.id, created: r.created, direction: input.lines[i].direction }))
    )
  }
)
