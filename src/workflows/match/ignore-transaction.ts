import {
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  ignoreTransactionStep,
  type IgnoreTransactionInput,
} from "./steps/ignore-transaction"

/** An accountant says a transaction pays no order ("ignored") or must be sent back ("returned"). */
export const ignoreTransactionWorkflow = createWorkflow(
  "bank-transfer-ignore-transaction",
  (input: IgnoreTransactionInput) =>
    new WorkflowResponse(ignoreTransactionStep(input))
)
