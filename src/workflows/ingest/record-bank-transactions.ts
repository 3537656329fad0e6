import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { BankTransferEvents } from "../../lib/events"
import { newMovements, transactionsToMatch } from "./utils/webhook-reports"
import {
  recordTransactionsStep,
  type RecordTransactionsInput,
} from "./steps/record-transactions"

/**
 * Stores what a channel (a webhook, the simulator) reports, once per line, and hands the new
 * incoming lines to the matcher in one `transactions_to_match` event (it announces each as
 * `transaction_received` and matches it, in a subscriber, so that the bank is answered quickly);
 * each new outgoing line is announced for the refunds it may pay.
 * Returns every line's transaction id and whether it is new, with the counts. The webhook routes
 * do the same without the workflow engine (src/api/hooks/bank-transfer/record-reports.ts).
 */
export const recordBankTransactionsWorkflow = createWorkflow(
  "bank-transfer-record-bank-transactions",
  (input: RecordTransactionsInput) => {
    const recorded = recordTransactionsStep(input)
    emitEventStep({
      eventName: BankTransferEvents.TRANSACTIONS_TO_MATCH,
      data: transform({ recorded }, ({ recorded }) =>
        transactionsToMatch(newMovements(recorded, "in"))
      ),
    })
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
