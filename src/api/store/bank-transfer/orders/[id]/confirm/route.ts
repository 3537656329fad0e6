import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import {
  ContainerRegistrationKeys,
  MedusaError,
} from "@medusajs/framework/utils"
import { BANK_TRANSFER_MODULE } from "../../../../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../../../../modules/bank-transfer/service"
import { confirmationInput } from "../../../../../confirmation-upload"
import { confirmOnce } from "../../../../../confirm-once"

/**
 * POST /store/bank-transfer/orders/:id/confirm (multipart: message, paid_on, amount, file…) —
 * the logged-in customer says they paid one of their orders (the same confirmation sent twice is
 * stored once: 200 with the stored one).
 */
export async function POST(
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({
    entity: "order",
    filters: { id: req.params.id, customer_id: req.auth_context.actor_id },
    fields: ["id"],
  })
  const service: BankTransferModuleService =
    req.scope.resolve(BANK_TRANSFER_MODULE)
  const [expectation] = order
    ? await service.listExpectations({ order_id: order.id })
    : []
  if (!expectation) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Order with id: ${req.params.id} was not found`
    )
  }

  const { confirmation, duplicate } = await confirmOnce(
    req.scope,
    {
      expectation_id: expectation.id,
      ...confirmationInput(req, expectation.currency_code),
      channel: "store",
      actor: { type: "shopper", id: req.auth_context.actor_id },
    },
    expectation.currency_code
  )
  res.status(duplicate ? 200 : 201).json({
    confirmation: {
      id: confirmation.id,
      created_at: confirmation.created_at,
      files: (confirmation.files as unknown as any[]).length,
    },
  })
}
