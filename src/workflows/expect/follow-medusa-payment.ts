import {
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { BankTransferEvents } from "../../lib/events"
import { emitPlannedEvents } from "../common/utils/emit-events"
import {
  followMedusaPaymentStep,
  type MedusaPaymentEventInput,
} from "./steps/follow-medusa-payment"

export const followMedusaPaymentWorkflowId =
  "bank-transfer-follow-medusa-payment"

/**
 * The expectation follows what was done to its payment or order in Medusa's own admin (captures,
 * refunds, cancel), by exactly those amounts. Emits `bank_transfer.money_to_return` when a
 * cancelled order had received money.
 */
export const followMedusaPaymentWorkflow = createWorkflow(
  followMedusaPaymentWorkflowId,
  (input: MedusaPaymentEventInput) => {
    const events = followMedusaPaymentStep(input)
    emitPlannedEvents(followMedusaPaymentWorkflowId, events, [
      BankTransferEvents.MONEY_TO_RETURN,
    ])
    return new WorkflowResponse(events)
  }
)
