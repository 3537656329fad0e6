import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_TRANSFER_MODULE } from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"
import type { StatementLine } from "../../../lib/ingest/statements"
import { keyStatementLines, markKnownLines, type PlannedLine } from "../utils/planned-lines"

/**
 * Which lines of a statement are new, given everything already in the ledger from any channel
 * (read-only). Used by the preview and again, at commit time, by the commit step.
 */
export async function planStatementLines(service: BankTransferModuleService, lines: (StatementLine | PlannedLine)[]) {
  const planned = keyStatementLines(lines)
  const keys = planned.map((p) => p.dedupe_key)
  const known = await service.knownDedupeKeys(keys)
  const elsewhere = await service.countFingerprints([...new Set(planned.map((p) => p.fingerprint))], keys)
  return markKnownLines(planned, known, elsewhere)
}

export const planStatementLinesStep = createStep(
  "bank-transfer-plan-statement-lines",
  async (input: { lines: StatementLine[] }, { container }) =>
    new StepResponse(await planStatementLines(container.resolve(BANK_TRANSFER_MODULE), input.lines))
)
