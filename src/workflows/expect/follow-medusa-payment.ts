import {
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  followMedusaPaymentStep,
  type MedusaPaymentEventInput,
} from "./steps/follow-medusa-payment"

/** The expectation follows what was done to its payment or order in Medusa's own admin. */
export const followMedusaPaymentWorkflow = createWorkflow(
  "bank-transfer-follow-medusa-payment",
  (input: MedusaPaymentEventInput) =>
    new WorkflowResponse(followMedusaPaymentStep(input))
)
