import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

import { BANK_TRANSFER_MODULE } from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"
import { actorLabel, Actor } from "../../../modules/bank-transfer"
import { STATEMENT_SOURCE, type PlannedLine } from "../utils/planned-lines"
import { planStatementLines } from "./plan-statement-lines"

/**
 * Adds a previewed statement's new lines to the ledger. The plan is made again now (a webhook may
 * have delivered some lines since the preview), and the ledger's unique keys make a second commit,
 * or a concurrent one, add nothing. The ledger is append-only, so there is nothing to compensate.
 */
export const commitImportStep = createStep(
  "bank-transfer-commit-import",
  async (input: { import_id: string; actor: Actor }, { container }) => {
    const service: BankTransferModuleService = container.resolve(BANK_TRANSFER_MODULE)
    const statement = await service.retrieveStatementImport(input.import_id)
    const plan = await planStatementLines(service, statement.lines as unknown as PlannedLine[])
    const fresh = plan.filter((p) => p.state === "new")
    const rows = await service.recordTransactions(
      fresh.map((p) => ({
        dedupe_key: p.dedupe_key,
        source: STATEMENT_SOURCE,
        external_id: p.external_id,
        fingerprint: p.fingerprint,
        account: p.account,
        booked_at: new Date(p.booked_at),
        amount: p.amount,
        currency_code: p.currency_code,
        direction: p.direction,
        memo: p.memo,
        counterparty_name: p.counterparty_name,
        counterparty_account: p.counterparty_account,
        raw: { line: p.line, ...(p.raw as object) },
        import_id: statement.id,
      }))
    )
    const added = rows.filter((r) => r.created).length
    if (statement.status !== "committed") {
      await service.updateStatementImports({
        id: statement.id,
        status: "committed",
        committed_by: actorLabel(input.actor),
        committed_at: new Date(),
        counts: { ...(statement.counts as object), added, skipped_at_commit: plan.length - added } as any,
      })
    }
    await service.createAuditEvents({
      action: "statement_committed",
      actor_type: input.actor.type,
      actor_id: input.actor.id ?? null,
      message: `${statement.file_name}: ${added} new line(s)`,
      data: { import_id: statement.id, added },
    })
    return new StepResponse({ import_id: statement.id, added })
  }
)

