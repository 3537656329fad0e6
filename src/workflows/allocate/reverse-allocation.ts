import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import type { Actor } from "../../modules/bank-transfer"
import { BankTransferEvents } from "../../lib/events"
import {
  acquireTransactionLock,
  releaseTransactionLock,
} from "../common/utils/transaction-lock"
import { emitPlannedEvents } from "../common/utils/emit-events"
import { reverseAllocationStep } from "./steps/reverse-allocation"
import { syncMedusaPaymentsStep } from "./steps/sync-medusa-payments"
import { attentionEvents } from "./utils/order-events"

export const reverseAllocationWorkflowId = "bank-transfer-reverse-allocation"

/**
 * An accountant's undo of one allocation, under its transaction's lock: the money goes back to the
 * transaction, the order's status moves through the state machine (back to where it was before
 * any money: waiting, asked, shopper confirmed or on hold), and Medusa follows: what was captured
 * for it is refunded, with the reason as the refund's note. An allocation undone meanwhile is a
 * CONFLICT saying by whom and when. Emits `bank_transfer.allocation_reversed`.
 *
 * Input: the allocation, its transaction (the lock), the actor and the reason.
 */
export const reverseAllocationWorkflow = createWorkflow(
  reverseAllocationWorkflowId,
  (input: {
    allocation_id: string
    transaction_id: string
    actor: Actor
    reason?: string
  }) => {
    const lockKey = acquireTransactionLock(input)
    const reversed = reverseAllocationStep(input)
    const synced = syncMedusaPaymentsStep(
      transform({ reversed, input }, ({ reversed, input }) => ({
        expectation_ids: [reversed.expectation_id],
        reason: `Bank transfer: allocation ${reversed.allocation_id} undone${input.reason ? `: ${input.reason}` : ""}`,
      }))
    )
    emitPlannedEvents(
      reverseAllocationWorkflowId,
      transform({ reversed, synced }, ({ reversed, synced }) => [
        {
          name: BankTransferEvents.ALLOCATION_REVERSED,
          data: {
            id: reversed.expectation_id,
            order_id: reversed.order_id,
            transaction_id: reversed.transaction_id,
            allocation_id: reversed.allocation_id,
            amount: reversed.amount,
            status: reversed.status,
          },
        },
        ...attentionEvents(synced),
      ]),
      [
        BankTransferEvents.ALLOCATION_REVERSED,
        BankTransferEvents.ORDER_NEEDS_ATTENTION,
      ]
    )
    releaseTransactionLock(lockKey)
    return new WorkflowResponse(reversed)
  }
)
