import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_TRANSFER_MODULE } from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"
import { decideWithCandidates } from "../../match/steps/decide-match"
import { previewOrders } from "../../../lib/ingest/preview-orders"
import { toMinorUnits } from "../../../lib/money/minor-units"
import { PREVIEW_MATCH_LIMIT, type PlannedLine } from "../utils/planned-lines"

/**
 * What the matcher would do with each new incoming line (a dry run: nothing written), naming the
 * orders it would pay or be suggested for and flagging an overpayment (lib/ingest/preview-orders).
 */
export const previewMatchesStep = createStep(
  "bank-transfer-preview-matches",
  async (planned: PlannedLine[], { container }) => {
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    let checked = 0
    const out = planned.map((p) => ({ ...p }))
    for (const [n, p] of out.entries()) {
      if (p.state !== "new") {
        continue
      }
      if (p.direction === "out") {
        p.outcome = "ignore"
        continue
      }
      if (checked++ >= PREVIEW_MATCH_LIMIT) {
        p.outcome = "not_previewed"
        continue
      }
      const { decision, rows } = await decideWithCandidates(service, {
        ...p,
        id: `preview:${n + 1}`,
        booked_at: new Date(p.booked_at),
      })
      p.outcome = decision.kind
      Object.assign(
        p,
        previewOrders(
          decision,
          rows as any,
          toMinorUnits(p.amount, p.currency_code),
          p.currency_code
        )
      )
    }
    return new StepResponse(out)
  }
)
