import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { BankTransferEvents } from "../../lib/events"
import { emitPlannedEvents } from "../common/utils/emit-events"
import { syncMedusaPaymentsStep } from "./steps/sync-medusa-payments"
import { attentionEvents } from "./utils/order-events"

export const retryCaptureWorkflowId = "bank-transfer-retry-capture"

/**
 * An accountant retries bringing an order's Medusa payment in line with the money received (after
 * Medusa refused a capture): on success the order leaves `needs_attention` and the amounts decide
 * its status; on failure it stays flagged with Medusa's new error. Returns the outcome.
 */
export const retryCaptureWorkflow = createWorkflow(
  retryCaptureWorkflowId,
  (input: { expectation_id: string }) => {
    const synced = syncMedusaPaymentsStep(
      transform({ input }, ({ input }) => ({
        expectation_ids: [input.expectation_id],
      }))
    )
    emitPlannedEvents(
      retryCaptureWorkflowId,
      transform({ synced }, ({ synced }) => attentionEvents(synced)),
      [BankTransferEvents.ORDER_NEEDS_ATTENTION]
    )
    return new WorkflowResponse(
      transform({ synced }, ({ synced }) => synced[0])
    )
  }
)
