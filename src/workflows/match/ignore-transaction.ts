import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { transactionLockKey } from "../common/utils/transaction-lock"
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
    const lockKey = transform({ input }, ({ input }) =>
      transactionLockKey(input.transaction_id)
    )
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 120 })
    const transaction = ignoreTransactionStep(input)
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(transaction)
  }
)
