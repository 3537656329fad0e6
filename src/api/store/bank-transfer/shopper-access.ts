import type {
  AuthenticatedMedusaRequest,
  MedusaNextFunction,
  MedusaResponse,
} from "@medusajs/framework/http"
import {
  ContainerRegistrationKeys,
  MedusaError,
} from "@medusajs/framework/utils"
import { BANK_TRANSFER_MODULE } from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"
import { safeEqual } from "../../../lib/ingest/webhooks/signature"
import { assertConfirmable } from "../../confirmation-guard"

/** The order's payment token as the shopper's browser sends it (header, or `?token=` for links). */
export function paymentToken(req: AuthenticatedMedusaRequest): string | null {
  const token = req.get("x-bank-transfer-token") ?? req.query.token
  return typeof token === "string" ? token : null
}

/**
 * Who may act on an order's bank transfer from a storefront: the logged-in customer who placed it,
 * or anyone holding its payment token (a guest finds it in `data.bank_transfer.payment_url` of the
 * order's payment and in every message). Answers the order id and its expectation, or `null` for
 * the logged-in customer's own order that has none yet (the caller may create it).
 *
 * Errors: neither a customer nor a token → UNAUTHORIZED (401). Someone else's order, a wrong token,
 * an unknown id or an order not paid by bank transfer → the same NOT_FOUND (404), so that ids
 * cannot be probed. The token is compared in constant time.
 */
export async function shopperOrder(req: AuthenticatedMedusaRequest) {
  const customerId = req.auth_context?.actor_id
  const token = paymentToken(req)
  if (!customerId && !token) {
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
      ...(token ? {} : { customer_id: customerId }),
    },
    fields: ["id"],
  })
  if (!order) {
    throw notFound
  }
  const service: BankTransferModuleService =
    req.scope.resolve(BANK_TRANSFER_MODULE)
  const [expectation] = await service.listExpectations({ order_id: order.id })
  if (token && (!expectation || !safeEqual(token, expectation.page_token))) {
    throw notFound
  }
  return { order_id: order.id as string, expectation: expectation ?? null }
}

/** `shopperOrder` for an order that must already have its expectation (else the same 404). */
export async function shopperExpectation(req: AuthenticatedMedusaRequest) {
  const { expectation } = await shopperOrder(req)
  if (!expectation) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Order with id: ${req.params.id} was not found`
    )
  }
  return expectation
}

/**
 * Middleware for "I have paid": refuses (401/404, see `shopperOrder`; 400 when the order has
 * nothing to confirm or is at its cap, see `assertConfirmable`) before the body is read, so that an
 * upload is parsed only for someone allowed to send it.
 */
export async function authoriseShopper(
  req: AuthenticatedMedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction
) {
  try {
    const expectation = await shopperExpectation(req)
    await assertConfirmable(
      req.scope.resolve(BANK_TRANSFER_MODULE),
      expectation as any
    )
    next()
  } catch (e) {
    next(e)
  }
}
