import type {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { BANK_TRANSFER_MODULE } from "../../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../../modules/bank-transfer/service"
import { pageTokenExpired } from "../../../../lib/shopper/page-token"
import { assertConfirmable } from "../../../confirmation-guard"

/**
 * The expectation a payment-page token opens, or null: a malformed or unknown token, and a token
 * that expired (`payment_page_ttl_days` after the order was paid or closed), get the same plain 404.
 */
export async function expectationForToken(req: MedusaRequest) {
  const token = String(req.params.token ?? "")
  if (!/^[A-Za-z0-9_-]{32}$/.test(token)) {
    return { service: null, expectation: null }
  }
  const service: BankTransferModuleService =
    req.scope.resolve(BANK_TRANSFER_MODULE)
  const [expectation] = await service.listExpectations({ page_token: token })
  if (
    !expectation ||
    pageTokenExpired(
      expectation as any,
      (await service.loadOptions()).payment_page_ttl_days
    )
  ) {
    return { service, expectation: null }
  }
  return { service, expectation }
}

/**
 * Middleware for POST /bank-transfer/pay/:token/confirm, before the upload is read: a wrong or
 * expired token → 404; an order with nothing to confirm (paid, cancelled, refunded) or at its cap
 * of confirmations → 400 (see `assertConfirmable`).
 */
export async function authorisePaymentPageConfirm(
  req: MedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction
) {
  try {
    const { service, expectation } = await expectationForToken(req)
    if (!service || !expectation) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        "This payment link is not valid"
      )
    }
    await assertConfirmable(service, expectation as any)
    next()
  } catch (e) {
    next(e)
  }
}
