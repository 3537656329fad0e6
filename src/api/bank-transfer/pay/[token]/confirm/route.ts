import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { expectationForToken } from "../page-expectation"
import { confirmPaymentWorkflow } from "../../../../../workflows/expect/confirm-payment"
import { confirmationInput } from "../../../../confirmation-upload"

/** POST /bank-transfer/pay/:token/confirm (multipart) — "I have paid" from the payment page. */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const { expectation } = await expectationForToken(req)
  if (!expectation) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      "This payment link is not valid"
    )
  }
  const { result } = await confirmPaymentWorkflow(req.scope).run({
    input: {
      expectation_id: expectation.id,
      ...confirmationInput(req, expectation.currency_code),
      channel: "payment_page",
      actor: { type: "shopper", id: expectation.customer_id },
    },
  })
  res
    .status(201)
    .json({ confirmation: { id: result.id, created_at: result.created_at } })
}
