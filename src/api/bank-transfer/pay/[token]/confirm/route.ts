import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { expectationForToken } from "../page-expectation"
import { confirmationInput } from "../../../../confirmation-upload"
import { confirmPaymentOnceWorkflow } from "../../../../../workflows/expect/confirm-payment-once"

/**
 * POST /bank-transfer/pay/:token/confirm (multipart) — "I have paid" from the payment page. The
 * same confirmation sent twice (a double click) is stored once: 201 first, then 200 with the same id.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const { expectation } = await expectationForToken(req)
  if (!expectation) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      "This payment link is not valid"
    )
  }
  const {
    result: { confirmation, duplicate },
  } = await confirmPaymentOnceWorkflow(req.scope).run({
    input: {
      confirmation: {
        expectation_id: expectation.id,
        ...confirmationInput(req, expectation.currency_code),
        channel: "payment_page",
        actor: { type: "shopper", id: expectation.customer_id },
      },
      currency_code: expectation.currency_code,
    },
  })
  res.status(duplicate ? 200 : 201).json({
    confirmation: {
      id: confirmation.id,
      created_at: confirmation.created_at,
    },
  })
}
