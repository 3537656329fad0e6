import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { MatchTransactionBody } from "../../../validators"
import {
  accountantAction,
  adminActor,
  bankTransferModule,
  expectationForOrder,
} from "../../../helpers"
import { amountInCurrency } from "../../../../../amount-in-currency"
import { applyAllocationWorkflow } from "../../../../../../workflows/allocate/apply-allocation"

/**
 * POST /admin/bank-transfer/transactions/:id/match — apply a transaction to orders by hand
 * (amounts: decimal strings in the transaction's currency). 200 `{ allocation, transaction }`;
 * 400 more than the transaction's amount; 404 unknown transaction or order; 409 when its money or
 * an order was taken meanwhile (the message says by whom and when).
 */
export async function POST(
  req: AuthenticatedMedusaRequest<z.infer<typeof MatchTransactionBody>>,
  res: MedusaResponse
) {
  const service = bankTransferModule(req)
  const transaction = await service.retrieveBankTransaction(req.params.id)
  const allocations = await Promise.all(
    req.validatedBody.allocations.map(async (a, i) => ({
      expectation_id: (await expectationForOrder(service, a.order_id)).id,
      amount: amountInCurrency(
        a.amount,
        transaction.currency_code,
        `allocations.${i}.amount`
      ),
    }))
  )
  const outcome = await accountantAction(res, async () => {
    const { result } = await applyAllocationWorkflow(req.scope).run({
      input: {
        transaction_id: transaction.id,
        allocations,
        actor: adminActor(req),
        reason: req.validatedBody.reason ?? "Matched by hand",
      },
    })
    return result
  })
  if (!outcome) {
    return
  }
  res.json({
    allocation: outcome.result,
    transaction: await service.retrieveBankTransaction(transaction.id),
  })
}
