import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_TRANSFER_MODULE } from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"

export type SuggestionInput = {
  transaction_id: string
  suggestions: { expectation_id: string; score: number; reasons: unknown[] }[]
}

/** Stores the matcher's likely pairs for an accountant; a pair already suggested is left as it is. */
export const createSuggestionsStep = createStep(
  "bank-transfer-create-suggestions",
  async (input: SuggestionInput, { container }) => {
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    const existing = await service.listSuggestions({
      transaction_id: input.transaction_id,
    })
    const known = new Set(existing.map((s) => s.expectation_id))
    const fresh = input.suggestions.filter((s) => !known.has(s.expectation_id))
    const created = fresh.length
      ? await service.createSuggestions(
          fresh.map((s) => ({
            transaction_id: input.transaction_id,
            expectation_id: s.expectation_id,
            score: s.score,
            reasons: s.reasons as any,
          }))
        )
      : []
    await service.updateBankTransactions({
      id: input.transaction_id,
      status: "suggested",
    })
    if (created.length) {
      await service.createAuditEvents(
        created.map((s) => ({
          expectation_id: s.expectation_id,
          transaction_id: input.transaction_id,
          action: "suggested",
          actor_type: "system",
          message: `Suggested with score ${s.score}`,
          data: { suggestion_id: s.id, reasons: s.reasons },
        }))
      )
    }
    return new StepResponse(
      created,
      created.map((s) => s.id)
    )
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    await service.deleteSuggestions(ids)
  }
)
