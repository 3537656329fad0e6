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
import { paymentPageUrl } from "../../../../../lib/expect/shopper-notification"
import { safeEqual } from "../../../../../lib/ingest/webhooks/signature"

/**
 * GET /store/bank-transfer/orders/:id — how to pay an order: amounts (decimal strings in the
 * currency's major unit), accounts, reference, memo, VietQR (payload and SVG), deadline, status,
 * and the hosted page's `payment_url` and `status_url`.
 *
 * Who may ask: the logged-in customer who placed it, or anyone holding the order's payment token
 * (header `x-bank-transfer-token`, or `?token=`), which a guest finds in the order's payment data
 * (`data.bank_transfer.payment_url`) and in every message. Neither: 401. Someone else's order, a
 * wrong token and an unknown id answer the same 404, so that ids cannot be probed.
 */
export async function GET(
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) {
  const customerId = req.auth_context?.actor_id
  const token = req.get("x-bank-transfer-token") ?? req.query.token
  if (!customerId && typeof token !== "string") {
    throw new MedusaError(
      MedusaError.Types.UNAUTHORIZED,
      "Log in as the customer who placed the order, or give its payment token (x-bank-transfer-token)"
    )
  }
  const notFound = new MedusaError(
    MedusaError.Types.NOT_FOUND,
    `Order with id: ${req.params.id} was not found`
  )
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({
    entity: "order",
    filters: {
      id: req.params.id,
      ...(typeof token === "string" ? {} : { customer_id: customerId }),
    },
    fields: ["id"],
  })
  if (!order) {
    throw notFound
  }

  const service: BankTransferModuleService =
    req.scope.resolve(BANK_TRANSFER_MODULE)
  let [expectation] = await service.listExpectations({ order_id: order.id })
  if (!expectation && typeof token !== "string") {
    // The order.placed subscriber may not have run yet: create it now (idempotent).
    const { result } = await createExpectationWorkflow(req.scope).run({
      input: { order_id: order.id },
    })
    expectation = result as any
  }
  if (
    !expectation ||
    (typeof token === "string" && !safeEqual(token, expectation.page_token))
  ) {
    throw notFound
  } // not paid by bank transfer, or not this order's token

  const options = await service.loadOptions()
  const page = paymentPageUrl(options, expectation.page_token)
  res.json({
    bank_transfer: {
      ...(await buildInstructions(expectation as any, options)),
      payment_url: page,
      status_url: `${page}/status`,
    },
  })
}
