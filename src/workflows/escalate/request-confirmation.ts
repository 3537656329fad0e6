import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { BankTransferEvents } from "../../lib/events"
import type { Actor } from "../../modules/bank-transfer"
import { requestConfirmationStep } from "./steps/request-confirmation"

/**
 * An accountant asks the shopper to confirm their payment now, in their own words (before the job
 * would, or again); the shopper is told by the notify-shopper subscriber.
 */
export const requestConfirmationWorkflow = createWorkflow(
  "bank-transfer-request-confirmation",
  (input: { expectation_id: string; message: string; actor: Actor }) => {
    const request = requestConfirmationStep(input)
    emitEventStep({
      eventName: BankTransferEvents.CONFIRMATION_REQUESTED,
      data: transform({ input, request }, ({ input, request }) => ({
        id: request.expectation_id,
        order_id: request.order_id,
        request_id: request.request_id,
        message: input.message,
      })),
    })
    return new WorkflowResponse(request)
  }
)
