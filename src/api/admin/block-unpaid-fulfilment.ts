import type {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { refuseUnpaidFulfilment } from "../../lib/fulfilment/refuse-unpaid-fulfilment"

/**
 * Middleware on Medusa's POST /admin/orders/:id/fulfillments: with `block_unpaid_fulfillment` on,
 * an order waiting for its bank transfer is refused with 400 before Medusa's
 * createOrderFulfillmentWorkflow writes anything. That workflow has no validate hook (Medusa
 * 2.21 exposes only fulfillmentCreated, after the fulfilment is written and with no order id), so
 * the guard sits on the route: fulfilments created by other code are not checked.
 * Body of the refusal: `{ type: "not_allowed", message: "Order #12 is waiting for its bank
 * transfer (…)" }`.
 */
export function blockUnpaidFulfilment(
  req: MedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction
) {
  refuseUnpaidFulfilment(req.scope, req.params.id).then(
    () => next(),
    (e) => next(e)
  )
}
