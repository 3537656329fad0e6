import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { pageAmounts } from "../../../../../lib/expect/payment-page/amounts"
import { expectationForToken } from "../page-expectation"

/**
 * GET /bank-transfer/pay/:token/status — what the payment page polls: the status, the exact
 * amounts, whether anything is still owed, and the amounts formatted for display (`?lang=en`:
 * the English way, else the Vietnamese).
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { expectation } = await expectationForToken(req)
  if (!expectation) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      "This payment link is not valid"
    )
  }
  res.setHeader("Cache-Control", "no-store")
  res.json(
    pageAmounts(expectation as any, req.query.lang === "en" ? "en" : "vi")
  )
}
