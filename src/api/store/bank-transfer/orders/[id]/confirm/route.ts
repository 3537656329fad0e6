import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { confirmationInput } from "../../../../../confirmation-upload"
import { confirmPaymentOnceWorkflow } from "../../../../../../workflows/expect/confirm-payment-once"
import { shopperExpectation } from "../../../shopper-access"

/**
 * POST /store/bank-transfer/orders/:id/confirm (multipart: message, paid_on, amount, file…) —
 * the shopper says they paid: the logged-in customer who placed the order, or a guest with its
 * payment token (`x-bank-transfer-token`; see `shopperExpectation`). 201 with the new confirmation; the
 * same confirmation sent twice is stored once (200 with the stored one). 401/404 before the upload
 * is read; 400 for a bad field or file.
 */
export async function POST(
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) {
  // Authorised by the `authoriseShopper` middleware before the upload was read.
  const expectation = await shopperExpectation(req)

  const {
    result: { confirmation, duplicate },
  } = await confirmPaymentOnceWorkflow(req.scope).run({
    input: {
      confirmation: {
        expectation_id: expectation.id,
        ...confirmationInput(req, expectation.currency_code),
        channel: "store",
        actor: {
          type: "shopper",
          id: req.auth_context?.actor_id ?? expectation.customer_id,
        },
      },
      currency_code: expectation.currency_code,
    },
  })
  res.status(duplicate ? 200 : 201).json({
    confirmation: {
      id: confirmation.id,
      created_at: confirmation.created_at,
      files: (confirmation.files as unknown as any[]).length,
    },
  })
}
