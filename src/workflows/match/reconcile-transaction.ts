import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { transactionLockKey } from "../common/utils/transaction-lock"
import { decideMatchStep } from "./steps/decide-match"
import { allocateStep } from "../allocate/steps/allocate"
import { capturePaidOrdersStep } from "../allocate/steps/capture-paid-orders"
import { createSuggestionsStep } from "./steps/create-suggestions"
import { finishReconciliationStep } from "./steps/finish-reconciliation"

/**
 * Matches one bank transaction: certain → allocate and capture paid orders; likely → suggestions;
 * nothing → the unmatched queue. Runs under a lock on the transaction, so that a duplicate event or
 * the sweep job racing the subscriber does the work once. A transaction an interrupted run already
 * allocated is not matched again: its paid orders are captured (or their capture completed).
 */
export const reconcileTransactionWorkflow = createWorkflow(
  "bank-transfer-reconcile-transaction",
  (input: { transaction_id: string }) => {
    const lockKey = transform({ input }, ({ input }) => transactionLockKey(input.transaction_id))
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 120 })
    const plan = decideMatchStep(input)

    const allocation = when({ plan }, ({ plan }) => plan.kind === "apply").then(() => {
      const result = allocateStep(
        transform({ plan }, ({ plan }) => ({
          transaction_id: plan.transaction_id,
          allocations: (plan as any).allocations,
          actor: { type: "system" as const },
          reason: "Matched automatically",
        }))
      )
      capturePaidOrdersStep(result)
      return result
    })
    when({ plan }, ({ plan }) => plan.kind === "resume").then(() => {
      capturePaidOrdersStep(transform({ plan }, ({ plan }) => (plan as any).allocation)).config({ name: "bank-transfer-capture-paid-orders-resumed" })
    })
    when({ plan }, ({ plan }) => plan.kind === "suggest").then(() => {
      createSuggestionsStep(
        transform({ plan }, ({ plan }) => ({ transaction_id: plan.transaction_id, suggestions: (plan as any).suggestions }))
      )
    })
    const events = finishReconciliationStep({ plan, allocation })
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(transform({ plan, events }, ({ plan, events }) => ({ kind: plan.kind, events })))
  }
)
