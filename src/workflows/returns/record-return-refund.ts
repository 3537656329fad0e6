import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  planReturnRefundStep,
  type RecordReturnRefundInput,
} from "./steps/plan-return-refund"
import { markRefundRecordedStep } from "./steps/mark-refund-recorded"
import { refundInMedusaStep } from "./steps/refund-in-medusa"

export const recordReturnRefundWorkflowId = "bank-transfer-record-return-refund"

/**
 * The accountant records the refund of money to return (one item, whole): the part Medusa
 * captured goes back through Medusa's refund (with the refund reason and note), the rest (surplus
 * above the order's total, money of no order) is recorded in the plugin only; the item waits for
 * its outgoing transfer. Audited. Answers `{ id, medusa_amount, plugin_amount, refund_id }`
 * (decimal strings). NOT_FOUND, CONFLICT (decided already), INVALID_DATA (amount).
 */
export const recordReturnRefundWorkflow = createWorkflow(
  recordReturnRefundWorkflowId,
  (input: RecordReturnRefundInput) => {
    const plan = planReturnRefundStep(input)
    markRefundRecordedStep(plan)
    const refundId = refundInMedusaStep(plan)
    return new WorkflowResponse(
      transform({ plan, refundId }, ({ plan, refundId }) => ({
        id: plan.id,
        medusa_amount: plan.medusa_amount,
        plugin_amount: plan.plugin_amount,
        refund_id: refundId ?? null,
      }))
    )
  }
)
