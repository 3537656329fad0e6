import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { RequestConfirmationBody } from "../../../validators"
import { bankTransfer, expectationForOrder } from "../../../helpers"
import { BankTransferEvents } from "../../../../../../lib/events"

/**
 * POST /admin/bank-transfer/orders/:order_id/request-confirmation { message } — ask the shopper to
 * confirm their payment now, with the admin's own words (before the job would do it, or again).
 */
export async function POST(req: AuthenticatedMedusaRequest<z.infer<typeof RequestConfirmationBody>>, res: MedusaResponse) {
  const service = bankTransfer(req)
  const expectation = await expectationForOrder(service, req.params.order_id)
  if (["paid", "canceled", "refunded"].includes(expectation.status)) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `The order is ${expectation.status}: there is no payment to confirm`)
  }
  const status = expectation.status === "awaiting_transfer" ? "awaiting_customer_confirmation" : expectation.status
  await service.updateExpectations({ id: expectation.id, status })
  const audit = await service.createAuditEvents({
    expectation_id: expectation.id,
    action: "confirmation_requested",
    actor_type: "admin",
    actor_id: req.auth_context?.actor_id ?? null,
    message: req.validatedBody.message,
  })
  await req.scope.resolve(Modules.EVENT_BUS).emit({
    name: BankTransferEvents.CONFIRMATION_REQUESTED,
    data: { id: expectation.id, order_id: expectation.order_id, request_id: audit.id, message: req.validatedBody.message },
  })
  res.json({ expectation: await service.retrieveExpectation(expectation.id) })
}
