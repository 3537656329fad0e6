import type { AllocationResult } from "../../../modules/bank-transfer"
import type { PaymentSyncOutcome } from "../steps/sync-medusa-payments"
import { BankTransferEvents } from "../../../lib/events"
import type { PlannedEvent } from "../../common/utils/emit-events"

/** The events that money applied to orders may raise. */
export const ALLOCATION_EVENTS = [
  BankTransferEvents.TRANSACTION_MATCHED,
  BankTransferEvents.ORDER_PAID,
  BankTransferEvents.ORDER_PARTIALLY_PAID,
  BankTransferEvents.ORDER_REVIVED,
  BankTransferEvents.ORDER_NEEDS_ATTENTION,
] as const

/**
 * The transaction's "matched" event and, per order, paid / partially paid / revived (a late
 * payment for an order on hold), for an allocation made by the matcher or by an accountant.
 */
export function allocationEvents(
  allocation: AllocationResult,
  transactionId: string
): PlannedEvent[] {
  const events: PlannedEvent[] = [
    {
      name: BankTransferEvents.TRANSACTION_MATCHED,
      data: {
        transaction_id: transactionId,
        expectation_ids: allocation.expectations.map((e) => e.id),
      },
    },
  ]
  for (const e of allocation.expectations) {
    const data = {
      id: e.id,
      order_id: e.order_id,
      transaction_id: transactionId,
      amount_remaining: e.amount_remaining,
    }
    if (e.status === "paid") {
      events.push({ name: BankTransferEvents.ORDER_PAID, data })
    }
    if (e.status === "partially_paid") {
      events.push({ name: BankTransferEvents.ORDER_PARTIALLY_PAID, data })
    }
    if (e.previous_status === "tentatively_canceled") {
      events.push({ name: BankTransferEvents.ORDER_REVIVED, data })
    }
  }
  return events
}

/** The orders an allocation has just made paid (their Medusa payments are captured next). */
export const newlyPaidOrderIds = (
  allocation: AllocationResult | null | undefined
) =>
  (allocation?.expectations ?? [])
    .filter((e) => e.status === "paid" && e.previous_status !== "paid")
    .map((e) => e.order_id)

/** One "needs attention" event per order whose capture Medusa just refused (not again while flagged). */
export const attentionEvents = (
  synced: PaymentSyncOutcome[] | null | undefined
): PlannedEvent[] =>
  (synced ?? [])
    .filter((o) => o.newly_flagged)
    .map((o) => ({
      name: BankTransferEvents.ORDER_NEEDS_ATTENTION,
      data: { id: o.expectation_id, order_id: o.order_id, reason: o.error },
    }))
