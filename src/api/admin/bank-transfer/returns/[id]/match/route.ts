import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import {
  accountantAction,
  adminActor,
  bankTransferModule,
} from "../../../helpers"
import { MatchReturnBody } from "../../validators"
import { matchReturnByHandWorkflow } from "../../../../../../workflows/returns/match-outgoing-transfer"
import { loadReturnRow } from "../../load"
import { serializeReturnItem } from "../../serialize"

/**
 * POST /admin/bank-transfer/returns/:id/match — the accountant says which outgoing transfer paid a
 * recorded refund (when the automatic rule found none or several). Body `{ transaction_id }`.
 * 200 `{ return_item }` closed; the line is marked `returned`. 400 when the line is not outgoing,
 * or not of the item's currency and exact amount; 404 unknown item or line; 409 when no refund of
 * this item waits for its transfer, or the line pays another refund already.
 */
export async function POST(
  req: AuthenticatedMedusaRequest<z.infer<typeof MatchReturnBody>>,
  res: MedusaResponse
) {
  const service = bankTransferModule(req)
  await loadReturnRow(service, req.params.id)
  const outcome = await accountantAction(res, () =>
    matchReturnByHandWorkflow(req.scope).run({
      input: {
        id: req.params.id,
        transaction_id: req.validatedBody.transaction_id,
        actor: adminActor(req),
      },
    })
  )
  if (!outcome) {
    return
  }
  res.json({
    return_item: await serializeReturnItem(
      await loadReturnRow(service, req.params.id)
    ),
  })
}
