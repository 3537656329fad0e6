import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { bankTransferModule, expectationForOrder } from "../../../helpers"
import { retryCaptureWorkflow } from "../../../../../../workflows/allocate/retry-capture"

/**
 * POST /admin/bank-transfer/orders/:order_id/retry-capture — after Medusa refused a capture (the
 * order needs attention), capture (or refund) again what the money received calls for.
 * 200 `{ outcome, expectation }` (outcome: captured / refunded decimal strings, recovered);
 * 404 when the order is not paid by bank transfer; 409 when Medusa refuses again (its message).
 */
export async function POST(
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) {
  const service = bankTransferModule(req)
  const expectation = await expectationForOrder(service, req.params.order_id)
  const { result: outcome } = await retryCaptureWorkflow(req.scope).run({
    input: { expectation_id: expectation.id },
  })
  if (outcome?.error) {
    // Answered here: Medusa's error handler would replace a CONFLICT's message.
    res.status(409).json({
      type: "conflict",
      code: "invalid_state_error",
      message: outcome.error,
    })
    return
  }
  res.json({
    outcome,
    expectation: await service.retrieveExpectation(expectation.id),
  })
}
