import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { RequestConfirmationBody } from "../../../validators"
import {
  adminActor,
  bankTransferModule,
  expectationForOrder,
} from "../../../helpers"
import { requestConfirmationWorkflow } from "../../../../../../workflows/escalate/request-confirmation"

/**
 * POST /admin/bank-transfer/orders/:order_id/request-confirmation { message } — ask the shopper to
 * confirm their payment now, with the admin's own words (before the job would do it, or again).
 */
export async function POST(
  req: AuthenticatedMedusaRequest<z.infer<typeof RequestConfirmationBody>>,
  res: MedusaResponse
) {
  const service = bankTransferModule(req)
  const expectation = await expectationForOrder(service, req.params.order_id)
  await requestConfirmationWorkflow(req.scope).run({
    input: {
      expectation_id: expectation.id,
      message: req.validatedBody.message,
      actor: adminActor(req),
    },
  })
  res.json({ expectation: await service.retrieveExpectation(expectation.id) })
}
