import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { IgnoreTransactionBody } from "../../../validators"
import { adminActor } from "../../../helpers"
import { ignoreTransactionWorkflow } from "../../../../../../workflows/match/ignore-transaction"

/** POST /admin/bank-transfer/transactions/:id/ignore — not for any order ("return": to send back). */
export async function POST(
  req: AuthenticatedMedusaRequest<z.infer<typeof IgnoreTransactionBody>>,
  res: MedusaResponse
) {
  const { result: transaction } = await ignoreTransactionWorkflow(
    req.scope
  ).run({
    input: {
      transaction_id: req.params.id,
      status: req.validatedBody.return ? "returned" : "ignored",
      actor: adminActor(req),
      reason: req.validatedBody.reason,
    },
  })
  res.json({ transaction })
}
