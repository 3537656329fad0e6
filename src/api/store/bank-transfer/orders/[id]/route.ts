import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { BANK_TRANSFER_MODULE } from "../../../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../../../modules/bank-transfer/service"
import { createExpectationWorkflow } from "../../../../../workflows/expect/create-expectation"
import { buildInstructions } from "../../../../../lib/expect/instructions"
import { paymentPageUrl } from "../../../../../lib/expect/shopper-notification"
import { shopperOrder } from "../../shopper-access"

/**
 * GET /store/bank-transfer/orders/:id — how to pay an order: amounts (decimal strings in the
 * currency's major unit), accounts, reference, memo, VietQR (payload and SVG), deadline, status,
 * the merchant's instructions in `?lang=` (default: the currency's language), and the hosted page's
 * `payment_url` and `status_url`.
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
  const access = await shopperOrder(req)
  let expectation = access.expectation
  if (!expectation) {
    // The order.placed subscriber may not have run yet: create it now (idempotent).
    const { result } = await createExpectationWorkflow(req.scope).run({
      input: { order_id: access.order_id },
    })
    expectation = result as any
  }
  if (!expectation) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Order with id: ${req.params.id} was not found`
    )
  } // not paid by bank transfer

  const service: BankTransferModuleService =
    req.scope.resolve(BANK_TRANSFER_MODULE)
  const options = await service.loadOptions()
  const page = paymentPageUrl(options, expectation.page_token)
  res.json({
    bank_transfer: {
      ...(await buildInstructions(expectation as any, options, {
        lang: (req.validatedQuery as { lang?: string } | undefined)?.lang,
      })),
      payment_url: page,
      status_url: `${page}/status`,
    },
  })
}
