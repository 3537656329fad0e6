import {
  createHook,
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  acquireTransactionLock,
  releaseTransactionLock,
} from "../common/utils/transaction-lock"
import { emitPlannedEvents } from "../common/utils/emit-events"
import { allocateStep } from "../allocate/steps/allocate"
import { syncMedusaPaymentsStep } from "../allocate/steps/sync-medusa-payments"
import { newlyPaidOrderIds } from "../allocate/utils/order-events"
import { decideMatchStep } from "./steps/decide-match"
import { createSuggestionsStep } from "./steps/create-suggestions"
import {
  finishReconciliationStep,
  RECONCILIATION_EVENTS,
} from "./steps/finish-reconciliation"

export const reconcileTransactionWorkflowId =
  "bank-transfer-reconcile-transaction"

/**
 * Matches one stored bank transaction: certain → allocate and capture it in Medusa; likely →
 * suggestions; nothing → the unmatched queue (most money reaching a shop's account pays no open
 * order). Runs under a lock on the transaction, so that a duplicate event or the sweep job racing
 * the subscriber does the work once. A transaction an interrupted run already allocated is not
 * matched again: its Medusa payments are brought in line (a capture cut short is completed). A
 * capture Medusa refuses flags the order `needs_attention` (once) and is not retried in a loop.
 *
 * Hooks: `transferMatched` ({ transaction_id, kind, allocation }) after the outcome is recorded,
 * and `ordersPaid` ({ order_ids }) for the orders this run made paid.
 */
export const reconcileTransactionWorkflow = createWorkflow(
  reconcileTransactionWorkflowId,
  (input: { transaction_id: string }) => {
    const lockKey = acquireTransactionLock(input)
    const plan = decideMatchStep(input)

    const allocation = when(
      "bank-transfer-when-apply",
      { plan },
      ({ plan }) => plan.kind === "apply"
    ).then(() => {
      const result = allocateStep(
        transform({ plan }, ({ plan }) => ({
          transaction_id: plan.transaction_id,
          allocations: (plan as any).allocations,
          actor: { type: "system" as const },
          reason: "Matched automatically",
        }))
      )
      const synced = syncMedusaPaymentsStep(
        transform({ result }, ({ result }) => ({
          expectation_ids: result.expectations.map((e) => e.id),
        }))
      )
      return { result, synced }
    })
    const resumed = when(
      "bank-transfer-when-resume",
      { plan },
      ({ plan }) => plan.kind === "resume"
    ).then(() =>
      syncMedusaPaymentsStep(
        transform({ plan }, ({ plan }) => ({
          expectation_ids: (plan as any).allocation.expectations.map(
            (e: { id: string }) => e.id
          ),
          resumed: true,
        }))
      ).config({ name: "bank-transfer-sync-medusa-payments-resumed" })
    )
    when(
      "bank-transfer-when-suggest",
      { plan },
      ({ plan }) => plan.kind === "suggest"
    ).then(() => {
      createSuggestionsStep(
        transform({ plan }, ({ plan }) => ({
          transaction_id: plan.transaction_id,
          suggestions: (plan as any).suggestions,
        }))
      )
    })
    const events = finishReconciliationStep({
      plan,
      allocation: transform(
        { applied: allocation },
        ({ applied }) => applied?.result ?? null
      ),
      synced: transform(
        { allocation, resumed },
        ({ allocation, resumed }) => allocation?.synced ?? resumed ?? []
      ),
    })
    const applied = transform(
      { plan, allocation },
      ({ plan, allocation }) =>
        allocation?.result ?? (plan.kind === "resume" ? plan.allocation : null)
    )
    const transferMatched = createHook("transferMatched", {
      transaction_id: input.transaction_id,
      kind: transform({ plan }, ({ plan }) => plan.kind),
      allocation: applied,
    })
    const ordersPaid = createHook("ordersPaid", {
      order_ids: transform({ applied }, ({ applied }) =>
        newlyPaidOrderIds(applied)
      ),
    })
    emitPlannedEvents(
      reconcileTransactionWorkflowId,
      events,
      RECONCILIATION_EVENTS
    )
    releaseTransactionLock(lockKey)
    return new WorkflowResponse(
      transform({ plan, events }, ({ plan, events }) => ({
        kind: plan.kind,
        events: events.map((e) => e.name),
      })),
      { hooks: [transferMatched, ordersPaid] }
    )
  }
)
