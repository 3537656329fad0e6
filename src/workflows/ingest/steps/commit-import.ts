import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

import { BANK_TRANSFER_MODULE } from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"
import { actorLabel, Actor } from "../../../modules/bank-transfer"
import { statementSightings, type PlannedLine } from "../utils/planned-lines"
import type { RejectedLine } from "../../../lib/ingest/statements"

/**
 * Records a previewed statement's lines in the ledger, each as a report of a movement: new
 * movements are added, lines already received (by a webhook, an earlier statement) join theirs,
 * possible duplicates are held. The import's counts and sums are read back from what was stored;
 * lines left out as unreadable (acknowledged by the accountant) are counted and named in the audit.
 * The ledger is append-only, so there is nothing to compensate.
 */
export const commitImportStep = createStep(
  "bank-transfer-commit-import",
  async (
    input: { import_id: string; actor: Actor; rejected_lines: RejectedLine[] },
    { container }
  ) => {
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    const statement = await service.retrieveStatementImport(input.import_id)
    // Every line is recorded as a report; which ones are new movements is decided now, under lock
    // (a webhook may have delivered some since the preview). A second commit records nothing.
    const outcomes = await service.recordSightings(
      statementSightings(
        statement.lines as unknown as PlannedLine[],
        statement.id
      )
    )
    const left = input.rejected_lines
    const added = outcomes.filter((o) => o.outcome === "new_movement").length
    const stored = await service.summariseImport(statement.id)
    const linesOf = (status: string) =>
      stored.filter((r) => r.status === status).reduce((n, r) => n + r.lines, 0)
    if (statement.status !== "committed") {
      await service.updateStatementImports({
        id: statement.id,
        status: "committed",
        committed_by: actorLabel(input.actor),
        committed_at: new Date(),
        counts: {
          ...(statement.counts as object),
          added,
          already_received: linesOf("same_movement"),
          possible_duplicates: linesOf("possible_duplicate"),
          stored: stored.reduce((n, r) => n + r.lines, 0),
          sums: stored,
          // Unreadable lines the accountant chose to leave out (listed in rejected_lines).
          left_out: left.length,
        } as any,
      })
    }
    await service.createAuditEvents({
      action: "statement_committed",
      actor_type: input.actor.type,
      actor_id: input.actor.id ?? null,
      message: `${statement.file_name}: ${added} new line(s)${left.length ? `, ${left.length} unreadable line(s) left out` : ""}`,
      data: {
        import_id: statement.id,
        added,
        ...(left.length ? { left_out: left } : {}),
      },
    })
    return new StepResponse({ import_id: statement.id, added, stored })
  }
)
