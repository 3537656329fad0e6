import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import {
  ContainerRegistrationKeys,
  MedusaError,
} from "@medusajs/framework/utils"
import { BANK_TRANSFER_MODULE } from "../../../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../../../modules/bank-transfer/service"
import { createExpectationWorkflow } from "../../../../../workflows/expect/create-expectation"
import { buildInstructions } from "../../../../../lib/expect/instructions"

/**
 * GET /store/bank-transfer/orders/:id — how to pay one of the logged-in customer's orders.
 * Someone else's order and an unknown id answer the same 404, so that ids cannot be probed.
 */
export async function GET(
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) {
  const customerId = req.auth_context.actor_id
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({
    entity: "order",
    filters: { id: req.params.id, customer_id: customerId },
    fields: ["id"],
  })
  const notFound = new MedusaError(
    MedusaError.Types.NOT_FOUND,
    `Order with id: ${req.params.id} was not found`
  )
  if (!order) {
    throw notFound
  }

  const service: BankTransferModuleService =
    req.scope.resolve(BANK_TRANSFER_MODULE)
  let [expectation] = await service.listExpectations({ order_id: order.id })
  if (!expectation) {
    // The order.placed subscriber may not have run yet: create it now (idempotent).
    const { result } = await createExpectationWorkflow(req.scope).run({
      input: { order_id: order.id },
    })
    expectation = result as any
  }
  if (!expectation) {
    throw notFound
  } // not paid by bank transfer

  res.json({
    bank_transfer: await buildInstructions(
      expectation as any,
      await service.loadOptions()
    ),
  })
}
