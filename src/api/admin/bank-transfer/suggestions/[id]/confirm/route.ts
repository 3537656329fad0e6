import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { ConfirmSuggestionBody } from "../../../validators"
import { adminActor, bankTransferModule } from "../../../helpers"
import { amountInCurrency } from "../../../../../amount-in-currency"
import { applyAllocationWorkflow } from "../../../../../../workflows/allocate/apply-allocation"

/**
 * POST /admin/bank-transfer/suggestions/:id/confirm — apply the suggested transaction to its
 * order: by default as much as the order still needs and the transaction still holds.
 */
export async function POST(
  req: AuthenticatedMedusaRequest<z.infer<typeof ConfirmSuggestionBody>>,
  res: MedusaResponse
) {
  const service = bankTransferModule(req)
  const suggestion = await service.retrieveSuggestion(req.params.id)
  if (suggestion.status !== "pending") {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Suggestion ${suggestion.id} is already ${suggestion.status}`
    )
  }
  const [transaction, expectation] = await Promise.all([
    service.retrieveBankTransaction(suggestion.transaction_id),
    service.retrieveExpectation(suggestion.expectation_id),
  ])
  const available = MathBN.sub(transaction.amount, transaction.amount_allocated)
  const amount = req.validatedBody.amount
    ? amountInCurrency(
        req.validatedBody.amount,
        transaction.currency_code,
        "amount"
      )
    : MathBN.min(
        available,
        MathBN.gt(expectation.amount_remaining, 0)
          ? expectation.amount_remaining
          : available
      ).toString()
  const { result } = await applyAllocationWorkflow(req.scope).run({
    input: {
      transaction_id: transaction.id,
      allocations: [{ expectation_id: expectation.id, amount }],
      actor: adminActor(req),
      reason: req.validatedBody.reason ?? "Suggestion confirmed",
    },
  })
  res.json({
    allocation: result,
    suggestion: await service.retrieveSuggestion(suggestion.id),
  })
}
