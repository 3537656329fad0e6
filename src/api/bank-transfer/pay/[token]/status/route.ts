import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { expectationForToken } from "../page-expectation"

/** GET /bank-transfer/pay/:token/status — what the payment page polls. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { expectation } = await expectationForToken(req)
  if (!expectation) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      "This payment link is not valid"
    )
  }
  res.setHeader("Cache-Control", "no-store")
  res.json({
    status: expectation.status,
    currency_code: expectation.currency_code,
    amount_due: String(expectation.amount_due),
    amount_received: String(expectation.amount_received),
    amount_remaining: String(expectation.amount_remaining),
  })
}
