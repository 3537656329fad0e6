import {
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  acquireTransactionLock,
  releaseTransactionLock,
} from "../common/utils/transaction-lock"
import {
  ignoreTransactionStep,
  type IgnoreTransactionInput,
} from "./steps/ignore-transaction"

/**
 * An accountant says a transaction pays no order ("ignored") or must be sent back ("returned"),
 * under the transaction's lock: money applied meanwhile is a CONFLICT saying to which order.
 */
export const ignoreTransactionWorkflow = createWorkflow(
  "bank-transfer-ignore-transaction",
  (input: IgnoreTransactionInput) => {
    const lockKey = acquireTransactionLock(input)
    const transaction = ignoreTransactionStep(input)
    releaseTransactionLock(lockKey)
    return new WorkflowResponse(transaction)
  }
)
