import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { transactionLockKey } from "../common/utils/transaction-lock"
import { rejectSuggestionStep } from "./steps/reject-suggestion"
import type { Actor } from "../../modules/bank-transfer"

/**
 * "Not this transaction", under the transaction's lock: a suggestion confirmed or superseded
 * meanwhile is a CONFLICT saying by whom and when.
 */
export const rejectSuggestionWorkflow = createWorkflow(
  "bank-transfer-reject-suggestion",
  (input: {
    suggestion_id: string
    transaction_id: string
    actor: Actor
    reason?: string
  }) => {
    const lockKey = transform({ input }, ({ input }) =>
      transactionLockKey(input.transaction_id)
    )
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 120 })
    const suggestion = rejectSuggestionStep(input)
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(suggestion)
  }
)
