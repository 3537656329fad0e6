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
import { RecordReturnRefundBody } from "../../validators"
import { recordReturnRefundWorkflow } from "../../../../../../workflows/returns/record-return-refund"
import { loadReturnRow } from "../../load"
import { serializeReturnItem } from "../../serialize"

/**
 * POST /admin/bank-transfer/returns/:id/refund — record the refund of one item, whole. Body:
 * `{ amount?, refund_reason_id?, note? }` (`amount` a decimal string equal to the item's; a reason
 * from Medusa's refund reasons). The part Medusa captured is refunded through Medusa's refund
 * (reason and note attached); the rest is recorded in the plugin only. 200 `{ return_item,
 * recorded_in: "medusa" | "plugin" | "both", medusa_amount, plugin_amount, refund_id }`: the item
 * now waits for its outgoing transfer and carries `transfer` (payer's account, amount, memo naming
 * the order, VietQR) when the payer's account is known. 400 bad body or an amount other than the
 * item's; 404 unknown item or refund reason; 409 when the item was decided already.
 */
export async function POST(
  req: AuthenticatedMedusaRequest<z.infer<typeof RecordReturnRefundBody>>,
  res: MedusaResponse
) {
  const service = bankTransferModule(req)
  await loadReturnRow(service, req.params.id)
  const outcome = await accountantAction(res, () =>
    recordReturnRefundWorkflow(req.scope).run({
      input: {
        id: req.params.id,
        ...req.validatedBody,
        actor: adminActor(req),
      },
    })
  )
  if (!outcome) {
    return
  }
  const r = outcome.result!.result
  const medusa = r.medusa_amount !== "0"
  const plugin = r.plugin_amount !== "0"
  res.json({
    return_item: await serializeReturnItem(
      await loadReturnRow(service, req.params.id)
    ),
    recorded_in: medusa && plugin ? "both" : medusa ? "medusa" : "plugin",
    medusa_amount: r.medusa_amount,
    plugin_amount: r.plugin_amount,
    refund_id: r.refund_id,
  })
}
