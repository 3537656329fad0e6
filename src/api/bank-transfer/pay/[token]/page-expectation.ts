import type { MedusaRequest } from "@medusajs/framework/http"
import { BANK_TRANSFER_MODULE } from "../../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../../modules/bank-transfer/service"

/** The expectation a payment-page token opens, or null (a wrong token gets a plain 404). */
export async function expectationForToken(req: MedusaRequest) {
  const token = String(req.params.token ?? "")
  if (!/^[A-Za-z0-9_-]{32}$/.test(token)) {
    return { service: null, expectation: null }
  }
  const service: BankTransferModuleService =
    req.scope.resolve(BANK_TRANSFER_MODULE)
  const [expectation] = await service.listExpectations({ page_token: token })
  return { service, expectation: expectation ?? null }
}
