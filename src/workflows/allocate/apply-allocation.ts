import {
  createHook,
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  acquireTransactionLock,
  releaseTransactionLock,
} from "../common/utils/transaction-lock"
import { emitPlannedEvents } from "../common/utils/emit-events"
import { allocateStep } from "./steps/allocate"
import {
  planAllocationStep,
  type PlanAllocationInput,
} from "./steps/plan-allocation"
import { syncMedusaPaymentsStep } from "./steps/sync-medusa-payments"
import { settleSuggestionsStep } from "./steps/settle-suggestions"
import { closeTransactionStep } from "./steps/close-transaction"
import {
  ALLOCATION_EVENTS,
  allocationEvents,
  attentionEvents,
  newlyPaidOrderIds,
} from "./utils/order-events"

export const applyAllocationWorkflowId = "bank-transfer-apply-allocation"

/**
 * An accountant applies a transaction to one or several orders: confirming a suggestion
 * (`suggestion`), or a match by hand (`allocations`). Under the transaction's lock: decides what
 * to apply (a suggestion decided meanwhile is a CONFLICT saying by whom and when), allocates under
 * the orders' row locks (an order paid meanwhile is a CONFLICT unless the accountant books a
 * stated surplus), captures each allocation in Medusa, settles suggestions. A capture Medusa
 * refuses does not undo the money: the order needs attention. The transaction stays open from
 * the allocation until its payments are synced, so that the sweep job finishes a run a crash
 * interrupted.
 *
 * Input: the transaction, the actor and reason, and either `allocations` (per expectation an
 * amount, decimal string in the transaction's currency) or `suggestion`. Hooks: `transferMatched`
 * ({ transaction_id, allocation }) after the capture, and `ordersPaid` ({ order_ids }) for the
 * orders this made paid; a handler that throws rolls back.
 */
export const applyAllocationWorkflow = createWorkflow(
  applyAllocationWorkflowId,
  (input: PlanAllocationInput) => {
    const lockKey = acquireTransactionLock(input)
    const plan = planAllocationStep(input)
    const allocation = allocateStep(plan)
    const synced = syncMedusaPaymentsStep(
      transform({ allocation }, ({ allocation }) => ({
        expectation_ids: allocation.expectations.map((e) => e.id),
      }))
    )
    settleSuggestionsStep(
      transform({ plan, input }, ({ plan, input }) => ({
        transaction_id: plan.transaction_id,
        expectation_ids: plan.allocations.map((a) => a.expectation_id),
        suggestion_id: input.suggestion?.id ?? null,
        actor: plan.actor,
      }))
    )
    closeTransactionStep(
      transform({ input }, ({ input }) => ({
        transaction_id: input.transaction_id,
      }))
    )
    const transferMatched = createHook("transferMatched", {
      transaction_id: input.transaction_id,
      allocation,
    })
    const ordersPaid = createHook("ordersPaid", {
      order_ids: transform({ allocation }, ({ allocation }) =>
        newlyPaidOrderIds(allocation)
      ),
    })
    emitPlannedEvents(
      applyAllocationWorkflowId,
      transform(
        { input, allocation, synced },
        ({ input, allocation, synced }) => [
          ...allocationEvents(allocation, input.transaction_id),
          ...attentionEvents(synced),
        ]
      ),
      ALLOCATION_EVENTS
    )
    releaseTransactionLock(lockKey)
    return new WorkflowResponse(allocation, {
      hooks: [transferMatched, ordersPaid],
    })
  }
)
