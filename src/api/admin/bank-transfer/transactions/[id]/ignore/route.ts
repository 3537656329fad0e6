import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { IgnoreTransactionBody } from "../../../validators"
import {
  adminActor,
  bankTransferModule,
  accountantAction,
} from "../../../helpers"
import { ignoreTransactionWorkflow } from "../../../../../../workflows/match/ignore-transaction"

/**
 * POST /admin/bank-transfer/transactions/:id/ignore — not for any order (`return: true`: to send
 * back). 200 `{ transaction, replayed }`; 404 unknown transaction; 409 when its money was applied
 * to an order (meanwhile or before: the message says to which, by whom and when) or it was
 * decided the other way already.
 */
export async function POST(
  req: AuthenticatedMedusaRequest<z.infer<typeof IgnoreTransactionBody>>,
  res: MedusaResponse
) {
  const service = bankTransferModule(req)
  const status = req.validatedBody.return ? "returned" : "ignored"
  const outcome = await accountantAction(
    res,
    () =>
      ignoreTransactionWorkflow(req.scope).run({
        input: {
          transaction_id: req.params.id,
          status,
          actor: adminActor(req),
          reason: req.validatedBody.reason,
        },
      }),
    async () =>
      (await service.retrieveBankTransaction(req.params.id)).status === status
  )
  if (!outcome) {
    return
  }
  res.json({
    transaction: await service.retrieveBankTransaction(req.params.id),
    replayed: outcome.replayed,
  })
}
