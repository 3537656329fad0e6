import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { IgnoreTransactionBody } from "../../../validators"
import { adminActor, bankTransfer } from "../../../helpers"
import { ignoreTransaction } from "../../../../../../modules/bank-transfer/service"

/** POST /admin/bank-transfer/transactions/:id/ignore — not for any order ("return": to send back). */
export async function POST(req: AuthenticatedMedusaRequest<z.infer<typeof IgnoreTransactionBody>>, res: MedusaResponse) {
  const transaction = await ignoreTransaction(bankTransfer(req), {
    transaction_id: req.params.id,
    status: req.validatedBody.return ? "returned" : "ignored",
    actor: adminActor(req),
    reason: req.validatedBody.reason,
  })
  res.json({ transaction })
}
