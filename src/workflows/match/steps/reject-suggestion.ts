import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { BANK_TRANSFER_MODULE } from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"
import { actorLabel, Actor } from "../../../modules/bank-transfer"
import { decidedNote } from "../../common/utils/decided-note"

/**
 * "Not this transaction": the suggestion is rejected and the pair is recorded so that the matcher
 * never proposes it again. A transaction left with no pending suggestion and no allocation goes
 * back to the unmatched queue.
 */
export const rejectSuggestionStep = createStep(
  "bank-transfer-reject-suggestion",
  async (
    input: { suggestion_id: string; actor: Actor; reason?: string },
    { container }
  ) => {
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    const [suggestion] = await service.listSuggestions({
      id: input.suggestion_id,
    })
    if (!suggestion) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Suggestion ${input.suggestion_id} was not found`
      )
    }
    if (suggestion.status !== "pending") {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `This suggestion was ${suggestion.status}${decidedNote(suggestion.decided_by, suggestion.decided_at)}`
      )
    }
    const [tx] = await service.listBankTransactions({
      id: suggestion.transaction_id,
    })
    await service.updateSuggestions({
      id: suggestion.id,
      status: "rejected",
      decided_by: actorLabel(input.actor),
      decided_at: new Date(),
    })
    const [pair] = await service.createRejectedPairs([
      {
        transaction_id: suggestion.transaction_id,
        expectation_id: suggestion.expectation_id,
        rejected_by: actorLabel(input.actor),
      },
    ])
    const stillPending = await service.listSuggestions({
      transaction_id: suggestion.transaction_id,
      status: "pending",
    })
    const requeued = !stillPending.length && tx.status === "suggested"
    if (requeued) {
      await service.updateBankTransactions({ id: tx.id, status: "unmatched" })
    }
    await service.createAuditEvents({
      expectation_id: suggestion.expectation_id,
      transaction_id: suggestion.transaction_id,
      action: "suggestion_rejected",
      actor_type: input.actor.type,
      actor_id: input.actor.id ?? null,
      message: input.reason ?? "Not this transaction",
      data: { suggestion_id: suggestion.id },
    })
    return new StepResponse(suggestion, {
      suggestion_id: suggestion.id,
      pair_id: pair.id,
      requeued,
      transaction_id: tx.id,
    })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    await service.updateSuggestions({
      id: undo.suggestion_id,
      status: "pending",
      decided_by: null,
      decided_at: null,
    })
    await service.deleteRejectedPairs(undo.pair_id)
    if (undo.requeued) {
      await service.updateBankTransactions({
        id: undo.transaction_id,
        status: "suggested",
      })
    }
  }
)
