import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { transactionLockKey } from "../common/utils/transaction-lock"
import { allocateStep, AllocateInput } from "./steps/allocate"
import { capturePaidOrdersStep } from "./steps/capture-paid-orders"
import { settleSuggestionsStep } from "./steps/settle-suggestions"
import { emitAllocationEventsStep } from "./utils/order-events"
import { closeTransactionStep } from "./steps/close-transaction"

/**
 * An accountant applies a transaction to one or several orders: confirming a suggestion, or a
 * match by hand. Allocates under lock, captures orders that become paid, settles suggestions.
 * A failed capture rolls the allocation back. The transaction stays open from the allocation until
 * the capture is done, so that the sweep job finishes a run a crash interrupted.
 */
export const applyAllocationWorkflow = createWorkflow(
  "bank-transfer-apply-allocation",
  (input: AllocateInput) => {
    const lockKey = transform({ input }, ({ input }) => transactionLockKey(input.transaction_id))
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
    closeTransactionStep(transform({ input }, ({ input }) => ({ transaction_id: input.transaction_id })))
    emitAllocationEventsStep(transform({ input, allocation }, ({ input, allocation }) => ({ transaction_id: input.transaction_id, allocation })))
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(allocation)
  }
)
