import { transform, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { BankTransferEvents } from "../../../lib/events"
import { transactionsToMatch } from "../utils/webhook-reports"

/**
 * In a workflow's composer: announces new incoming movements (`transaction_received`, one event
 * each, for the merchant's subscribers) and hands them to the matcher (`transactions_to_match`,
 * one event for all). Nothing is emitted for an empty list.
 */
export function announceReceived(received: WorkflowData<{ id: string }[]>) {
  emitEventStep({
    eventName: BankTransferEvents.TRANSACTION_RECEIVED,
    data: received,
  })
  emitEventStep({
    eventName: BankTransferEvents.TRANSACTIONS_TO_MATCH,
    data: transform({ received }, ({ received }) =>
      transactionsToMatch(received)
    ),
  }).config({ name: "bank-transfer-emit-transactions-to-match" })
}
