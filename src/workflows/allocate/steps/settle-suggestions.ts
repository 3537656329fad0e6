import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_TRANSFER_MODULE } from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"
import type { Actor } from "../../../modules/bank-transfer"
import { actorLabel } from "../../../modules/bank-transfer"

/**
 * After money was applied by hand: the pending suggestions for these (transaction, expectation)
 * pairs are confirmed, and the other pending suggestions of a fully allocated transaction are
 * superseded (the money is gone). Compensation restores the previous states.
 */
export const settleSuggestionsStep = createStep(
  "bank-transfer-settle-suggestions",
  async (
    input: { transaction_id: string; expectation_ids: string[]; actor: Actor },
    { container }
  ) => {
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    const [tx] = await service.listBankTransactions({
      id: input.transaction_id,
    })
    const pending = await service.listSuggestions({
      transaction_id: input.transaction_id,
      status: "pending",
    })
    const fullyAllocated = tx?.status === "matched"
    const now = new Date()
    const updates = pending
      .map((s) => {
        if (input.expectation_ids.includes(s.expectation_id)) {
          return { id: s.id, status: "confirmed" as const }
        }
        return fullyAllocated
          ? { id: s.id, status: "superseded" as const }
          : null
      })
      .filter((u): u is NonNullable<typeof u> => !!u)
    if (updates.length) {
      await service.updateSuggestions(
        updates.map((u) => ({
          ...u,
          decided_by: actorLabel(input.actor),
          decided_at: now,
        }))
      )
    }
    return new StepResponse(
      updates.map((u) => u.id),
      updates.map((u) => u.id)
    )
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    await service.updateSuggestions(
      ids.map((id) => ({
        id,
        status: "pending" as const,
        decided_by: null,
        decided_at: null,
      }))
    )
  }
)
