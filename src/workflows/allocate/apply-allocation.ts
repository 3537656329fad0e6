import {
  createHook,
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import type { AllocateInput } from "../../modules/bank-transfer"
import { transactionLockKey } from "../common/utils/transaction-lock"
import { emitPlannedEvents } from "../common/utils/emit-events"
import { allocateStep } from "./steps/allocate"
import { capturePaidOrdersStep } from "./steps/capture-paid-orders"
import { settleSuggestionsStep } from "./steps/settle-suggestions"
import { closeTransactionStep } from "./steps/close-transaction"
import {
  ALLOCATION_EVENTS,
  allocationEvents,
  newlyPaidOrderIds,
} from "./utils/order-events"

export const applyAllocationWorkflowId = "bank-transfer-apply-allocation"

/**
 * An accountant applies a transaction to one or several orders: confirming a suggestion, or a
 * match by hand. Allocates under lock, captures orders that become paid, settles suggestions.
 * A failed capture rolls the allocation back. The transaction stays open from the allocation until
 * the capture is done, so that the sweep job finishes a run a crash interrupted.
 *
 * Input: the transaction, and per expectation an amount (decimal string in the transaction's
 * currency). Hooks: `transferMatched` ({ transaction_id, allocation }) after the capture, and
 * `ordersPaid` ({ order_ids }) for the orders this made paid; a handler that throws rolls back.
 */
export const applyAllocationWorkflow = createWorkflow(
  applyAllocationWorkflowId,
  (input: AllocateInput) => {
    const lockKey = transform({ input }, ({ input }) =>
      transactionLockKey(input.transaction_id)
    )
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 120 })
    const allocation = allocateStep(input)
    capturePaidOrdersStep(allocation)
    settleSuggestionsStep(
      transform({ input }, ({ input }) => ({
        transaction_id: input.transaction_id,
        expectation_ids: input.allocations.map((a) => a.expectation_id),
        actor: input.actor,
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
      transform({ input, allocation }, ({ input, allocation }) =>
        allocationEvents(allocation, input.transaction_id)
      ),
      ALLOCATION_EVENTS
    )
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(allocation, {
      hooks: [transferMatched, ordersPaid],
    })
  }
)
