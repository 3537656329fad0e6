import {
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  reconcilePendingStep,
  type ReconcilePendingInput,
} from "./steps/reconcile-pending"

/**
 * Matches the incoming transactions no run has finished with (a committed statement's lines, or
 * what a crash left behind), each in its own reconcileTransactionWorkflow run. Returns the count.
 */
export const reconcilePendingTransactionsWorkflow = createWorkflow(
  "bank-transfer-reconcile-pending-transactions",
  (input: ReconcilePendingInput) =>
    new WorkflowResponse(reconcilePendingStep(input))
)
