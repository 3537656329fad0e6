import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { ConfirmSuggestionBody } from "../../../validators"
import {
  adminActor,
  bankTransferModule,
  accountantAction,
} from "../../../helpers"
import { amountInCurrency } from "../../../../../amount-in-currency"
import { applyAllocationWorkflow } from "../../../../../../workflows/allocate/apply-allocation"

/**
 * POST /admin/bank-transfer/suggestions/:id/confirm — apply the suggested transaction to its
 * order: by default as much as the order still needs and the transaction still holds (`amount`:
 * decimal string in the transaction's currency, to apply less). Body `surplus_amount` books the
 * money on an order that was paid meanwhile (its suggestion superseded), as surplus; it must equal
 * what the transaction still holds.
 *
 * 200 `{ allocation, suggestion, replayed }` (`replayed: true` when it was confirmed already: a
 * repeat does nothing twice); 404 unknown suggestion; 409 when it was decided otherwise, or its
 * order or money was taken meanwhile (the message says by whom and when).
 */
export async function POST(
  req: AuthenticatedMedusaRequest<z.infer<typeof ConfirmSuggestionBody>>,
  res: MedusaResponse
) {
  const service = bankTransferModule(req)
  const suggestion = await service.retrieveSuggestion(req.params.id)
  const transaction = await service.retrieveBankTransaction(
    suggestion.transaction_id
  )
  const { amount, surplus_amount, reason } = req.validatedBody
  const outcome = await accountantAction(
    res,
    async () =>
      (
        await applyAllocationWorkflow(req.scope).run({
          input: {
            transaction_id: transaction.id,
            actor: adminActor(req),
            reason,
            suggestion: {
              id: suggestion.id,
              amount: amount
                ? amountInCurrency(amount, transaction.currency_code, "amount")
                : undefined,
              surplus_amount: surplus_amount
                ? amountInCurrency(
                    surplus_amount,
                    transaction.currency_code,
                    "surplus_amount"
                  )
                : undefined,
            },
          },
        })
      ).result,
    async () =>
      (await service.retrieveSuggestion(suggestion.id)).status === "confirmed"
  )
  if (!outcome) {
    return
  }
  res.json({
    allocation: outcome.result,
    suggestion: await service.retrieveSuggestion(suggestion.id),
    replayed: outcome.replayed,
  })
}
