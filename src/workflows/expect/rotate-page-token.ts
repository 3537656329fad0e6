import {
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { replacePageTokenStep } from "./steps/replace-page-token"
import { recordPaymentDetailsStep } from "./steps/record-payment-details"

export type RotatePageTokenInput = { expectation_id: string }

/**
 * An admin replaces an order's payment-page token (a link that leaked, or one to revive after it
 * expired): the expectation gets a new token, and the payment details in the order's bank-transfer
 * payment and session (`data.bank_transfer.payment_url`, `qr_image_url`) are rewritten with it. If
 * rewriting fails, the old token is put back. Result: the updated expectation.
 */
export const rotatePageTokenWorkflow = createWorkflow(
  "bank-transfer-rotate-page-token",
  (input: RotatePageTokenInput) => {
    const expectation = replacePageTokenStep(input)
    recordPaymentDetailsStep({ expectation: expectation as any })
    return new WorkflowResponse(expectation)
  }
)
