import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_TRANSFER_MODULE } from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"
import { decideTransaction } from "../../match/steps/decide-match"
import { PREVIEW_MATCH_LIMIT, type PlannedLine } from "../utils/planned-lines"

/** What the matcher would do with each new incoming line (a dry run: nothing written). */
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
      const decision = await decideTransaction(service, {
        ...p,
        id: `preview:${n + 1}`,
        booked_at: new Date(p.booked_at),
      })
      p.outcome = decision.kind
      if (decision.kind === "apply") {
        p.order_ids = decision.allocations.map((a) => a.expectation_id)
      }
      if (decision.kind === "suggest") {
        p.order_ids = decision.suggestions.map((s) => s.expectation_id)
      }
    }
    return new StepResponse(out)
  }
)
