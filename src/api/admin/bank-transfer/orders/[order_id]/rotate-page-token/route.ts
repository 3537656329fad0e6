import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { bankTransferModule, expectationForOrder } from "../../../helpers"
import { rotatePageTokenWorkflow } from "../../../../../../workflows/expect/rotate-page-token"
import { paymentPageUrl } from "../../../../../../lib/expect/shopper-notification"

/**
 * POST /admin/bank-transfer/orders/:order_id/rotate-page-token (empty JSON body) — replaces the
 * order's payment-page token: the old link answers 404 at once; the new one is written into the
 * order's payment data (see `rotatePageTokenWorkflow`). No message is sent to the shopper.
 * 200 `{ payment_url }` (the new link); 404 when the order is not paid by bank transfer; 400 for
 * a body with fields.
 */
export async function POST(
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) {
  const service = bankTransferModule(req)
  const expectation = await expectationForOrder(service, req.params.order_id)
  const { result } = await rotatePageTokenWorkflow(req.scope).run({
    input: { expectation_id: expectation.id },
  })
  res.json({
    payment_url: paymentPageUrl(
      await service.loadOptions(),
      (result as { page_token: string }).page_token
    ),
  })
}
