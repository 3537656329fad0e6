import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MathBN, MedusaError } from "@medusajs/framework/utils"
import {
  BANK_TRANSFER_MODULE,
  type AllocateInput,
} from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"
import { decidedNote } from "../../common/utils/decided-note"

/**
 * An accountant's confirmation of a suggestion. Amounts: decimal strings in the transaction's
 * currency, already checked against its minor units by the route.
 */
export type ConfirmSuggestion = {
  id: string
  /** How much to apply; by default what the order still needs, within what the transaction holds. */
  amount?: string
  /**
   * To book money on an order that has nothing left to receive: the amount that goes on it as
   * surplus, stated by the accountant; it must equal what the transaction still holds.
   */
  surplus_amount?: string
}

export type PlanAllocationInput = Omit<AllocateInput, "allocations"> & {
  allocations?: AllocateInput["allocations"]
  suggestion?: ConfirmSuggestion
}

/** Why a suggestion was decided without an accountant (`decision_reason`), for a 409's message. */
const DECISION_REASONS: Record<string, string> = {
  order_paid: "its order was paid meanwhile",
  transaction_returned: "the transaction was marked for return",
  transaction_ignored: "the transaction was marked as not for any order",
  transaction_allocated: "the transaction's money was applied to other orders",
}

/**
 * Decides, under the transaction's lock, what an accountant's allocation applies: a match by hand
 * as given, or a suggestion's order with the amount it still needs. Refuses (CONFLICT, with who
 * decided and when) a suggestion that is no longer pending, except a superseded one whose order
 * was paid meanwhile when the accountant states the surplus amount to book.
 */
export const planAllocationStep = createStep(
  "bank-transfer-plan-allocation",
  async (input: PlanAllocationInput, { container }) => {
    if (!input.suggestion) {
      return new StepResponse(input as AllocateInput)
    }
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    const [suggestion] = await service.listSuggestions({
      id: input.suggestion.id,
    })
    if (!suggestion) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Suggestion ${input.suggestion.id} was not found`
      )
    }
    const [tx, expectation] = await Promise.all([
      service.retrieveBankTransaction(suggestion.transaction_id),
      service.retrieveExpectation(suggestion.expectation_id),
    ])
    const available = MathBN.sub(tx.amount, tx.amount_allocated)
    const surplus = input.suggestion.surplus_amount
    const bookAsSurplus =
      suggestion.status === "superseded" &&
      suggestion.decision_reason === "order_paid" &&
      surplus !== undefined
    if (suggestion.status !== "pending" && !bookAsSurplus) {
      const why =
        suggestion.decision_reason === "order_paid"
          ? `: order #${expectation.order_number} was paid meanwhile. To keep this money on it anyway, confirm with surplus_amount = ${available.toString()} ${tx.currency_code}`
          : suggestion.decision_reason
            ? `: ${DECISION_REASONS[suggestion.decision_reason] ?? suggestion.decision_reason}`
            : ""
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `This suggestion was ${suggestion.status}${decidedNote(suggestion.decided_by, suggestion.decided_at)}${why}`
      )
    }
    if (bookAsSurplus) {
      const stated = surplus!
      if (!MathBN.eq(stated, available) || !MathBN.gt(available, 0)) {
        throw new MedusaError(
          MedusaError.Types.CONFLICT,
          `Order #${expectation.order_number} is paid: surplus_amount must be exactly what the transaction still holds, ${available.toString()} ${tx.currency_code}, not ${stated}`
        )
      }
      return new StepResponse({
        transaction_id: tx.id,
        actor: input.actor,
        reason: input.reason ?? "Booked as surplus on a paid order",
        allocations: [
          {
            expectation_id: expectation.id,
            amount: stated,
            accept_surplus: true,
          },
        ],
      } as AllocateInput)
    }
    const amount =
      input.suggestion.amount ??
      MathBN.min(
        available,
        MathBN.gt(expectation.amount_remaining, 0)
          ? expectation.amount_remaining
          : available
      ).toString()
    return new StepResponse({
      transaction_id: tx.id,
      actor: input.actor,
      reason: input.reason ?? "Suggestion confirmed",
      allocations: [{ expectation_id: expectation.id, amount }],
    } as AllocateInput)
  }
)
