import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { recordTransactionsStep, RecordTransactionsInput } from "./steps/record-transactions"
import { BankTransferEvents } from "../lib/events"

/**
 * Money in from any channel: store it (idempotently), then announce each new incoming line; the
 * matcher runs in a subscriber so that a webhook is answered as soon as the line is stored.
 */
export const recordBankTransactionsWorkflow = createWorkflow(
  "bank-transfer-record-transactions",
  (input: RecordTransactionsInput) => {
    const rows = recordTransactionsStep(input)
    const received = transform({ rows }, ({ rows }) =>
      rows.filter((r) => r.created && r.direction === "in").map((r) => ({ id: r.id }))
    )
    emitEventStep({ eventName: BankTransferEvents.TRANSACTION_RECEIVED, data: received })
    return new WorkflowResponse(
      transform({ rows }, ({ rows }) => ({
        transactions: rows,
        created: rows.filter((r) => r.created).length,
        duplicates: rows.filter((r) => !r.created).length,
      }))
    )
  }
)
