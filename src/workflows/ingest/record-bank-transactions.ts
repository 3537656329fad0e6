import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { BankTransferEvents } from "../../lib/events"
import {
  recordTransactionsStep,
  type RecordTransactionsInput,
} from "./steps/record-transactions"

/**
 * Stores what a channel (a webhook, the simulator) reports, once per line, and announces each new
 * incoming line (and each new outgoing one, for the refunds it may pay): the matcher runs in a subscriber, so that the bank is answered quickly.
 * Returns every line's transaction id and whether it is new, with the counts.
 */
export const recordBankTransactionsWorkflow = createWorkflow(
  "bank-transfer-record-bank-transactions",
  (input: RecordTransactionsInput) => {
    const recorded = recordTransactionsStep(input)
    emitEventStep({
      eventName: BankTransferEvents.TRANSACTION_RECEIVED,
      data: transform({ recorded }, ({ recorded }) =>
        recorded.transactions
          .filter((t) => t.created && t.direction === "in")
          .map((t) => ({ id: t.id }))
      ),
    })
    // Money sent out may be a recorded refund going back to its payer (see match-outgoing-transfer).
    emitEventStep({
      eventName: BankTransferEvents.OUTGOING_RECEIVED,
      data: transform({ recorded }, ({ recorded }) =>
        recorded.transactions
          .filter((t) => t.created && t.direction === "out")
          .map((t) => ({ id: t.id }))
      ),
    }).config({ name: "bank-transfer-emit-outgoing-received" })
    return new WorkflowResponse(recorded)
  }
)
