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
import { KeepReturnBody } from "../../validators"
import { keepReturnForCustomerWorkflow } from "../../../../../../workflows/returns/keep-return-for-customer"
import { loadReturnRow } from "../../load"
import { serializeReturnItem } from "../../serialize"

/**
 * POST /admin/bank-transfer/returns/:id/keep — keep the money for the customer instead of sending
 * it back. Body `{ note }` (required: what the credit is for). 200 `{ return_item }` in state
 * kept_for_customer, audited with the admin. 400 without a note; 404 unknown item; 409 when the
 * item was decided already (refund recorded, closed, kept).
 */
export async function POST(
  req: AuthenticatedMedusaRequest<z.infer<typeof KeepReturnBody>>,
  res: MedusaResponse
) {
  const service = bankTransferModule(req)
  await loadReturnRow(service, req.params.id)
  const outcome = await accountantAction(res, () =>
    keepReturnForCustomerWorkflow(req.scope).run({
      input: {
        id: req.params.id,
        note: req.validatedBody.note,
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
