import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_TRANSFER_MODULE } from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"
import type { Actor } from "../../../modules/bank-transfer"
import { actorLabel } from "../../../modules/bank-transfer"

/**
 * After money was applied by hand: the pending suggestions for these (transaction, expectation)
 * pairs, and the one the accountant confirmed, are confirmed; the other pending suggestions of a
 * fully allocated transaction are superseded (the money is gone). Compensation restores the
 * previous states.
 */
export const settleSuggestionsStep = createStep(
  "bank-transfer-settle-suggestions",
  async (
    input: {
      transaction_id: string
      expectation_ids: string[]
      /** The suggestion the accountant confirmed (it may have been superseded: booked as surplus). */
      suggestion_id?: string | null
      actor: Actor
    },
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
    if (
      input.suggestion_id &&
      !pending.some((s) => s.id === input.suggestion_id)
    ) {
      pending.push(
        ...(await service.listSuggestions({ id: input.suggestion_id }))
      )
    }
    const fullyAllocated = tx?.status === "matched"
    const now = new Date()
    const updates = pending
      .map((s) => {
        if (
          s.id === input.suggestion_id ||
          input.expectation_ids.includes(s.expectation_id)
        ) {
          return { id: s.id, status: "confirmed" as const, before: s }
        }
        return fullyAllocated
          ? { id: s.id, status: "superseded" as const, before: s }
          : null
      })
      .filter((u): u is NonNullable<typeof u> => !!u)
    if (updates.length) {
      await service.updateSuggestions(
        updates.map((u) => ({
          id: u.id,
          status: u.status,
          decision_reason:
            u.status === "superseded" ? "transaction_allocated" : null,
          decided_by: actorLabel(input.actor),
          decided_at: now,
        }))
      )
    }
    return new StepResponse(
      updates.map((u) => u.id),
      updates.map((u) => ({
        id: u.id,
        status: u.before.status,
        decided_by: u.before.decided_by,
        decided_at: u.before.decided_at,
        decision_reason: u.before.decision_reason,
      }))
    )
  },
  async (before, { container }) => {
    if (!before?.length) {
      return
    }
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    await service.updateSuggestions(before)
  }
)
