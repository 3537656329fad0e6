import {
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  acquireTransactionLock,
  releaseTransactionLock,
} from "../common/utils/transaction-lock"
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
    const lockKey = acquireTransactionLock(input)
    const suggestion = rejectSuggestionStep(input)
    releaseTransactionLock(lockKey)
    return new WorkflowResponse(suggestion)
  }
)
