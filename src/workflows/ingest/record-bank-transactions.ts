import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { BankTransferEvents } from "../../lib/events"
import { newMovements } from "./utils/webhook-reports"
import { announceReceived } from "./steps/announce-received"
import {
  recordTransactionsStep,
  type RecordTransactionsInput,
} from "./steps/record-transactions"

/**
 * Stores what a channel (a webhook, the simulator) reports, once per line, and announces each new
 * incoming line (and each new outgoing one, for the refunds it may pay); the new incoming lines go
 * to the matcher in one `transactions_to_match` event: it runs in a subscriber, so that the bank
 * is answered quickly.
 * Returns every line's transaction id and whether it is new, with the counts. The webhook routes
 * do the same without the workflow engine (src/api/hooks/bank-transfer/record-reports.ts).
 */
export const recordBankTransactionsWorkflow = createWorkflow(
  "bank-transfer-record-bank-transactions",
  (input: RecordTransactionsInput) => {
    const recorded = recordTransactionsStep(input)
    const received = transform({ recorded }, ({ recorded }) =>
      newMovements(recorded, "in")
    )
    announceReceived(received)
    // Money sent out may be a recorded refund going back to its payer (see match-outgoing-transfer).
    emitEventStep({
      eventName: BankTransferEvents.OUTGOING_RECEIVED,
      data: transform({ recorded }, ({ recorded }) =>
        newMovements(recorded, "out")
      ),
    }).config({ name: "bank-transfer-emit-outgoing-received" })
    return new WorkflowResponse(recorded)
  }
)
