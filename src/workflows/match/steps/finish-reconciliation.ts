import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"
import { BANK_TRANSFER_MODULE } from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"
import type { AllocationResult } from "../../../modules/bank-transfer/service"
import type { MatchPlan } from "./decide-match"
import { BankTransferEvents } from "../../../lib/events"

/**
 * Records the outcome on the transaction (status, reconciled_at, audit) and emits one event per
 * outcome: transaction matched / suggested / unmatched, and per order partially paid / paid /
 * overpaid / revived (a late payment for an order on hold).
 */
export const finishReconciliationStep = createStep(
  "bank-transfer-finish-reconciliation",
  async (input: { plan: MatchPlan; allocation?: AllocationResult | null }, { container }) => {
    const { plan } = input
    if (plan.kind === "skip") return new StepResponse([])
    const allocation = input.allocation ?? (plan.kind === "resume" ? plan.allocation : null)
    const service: BankTransferModuleService = container.resolve(BANK_TRANSFER_MODULE)
    const events: { name: string; data: Record<string, unknown> }[] = []
    const tx = { transaction_id: plan.transaction_id }

    if (plan.kind === "unmatched" || plan.kind === "ignore") {
      const status = plan.kind === "ignore" ? "ignored" : "unmatched"
      const closed = await service.closeWithoutMatch({ transaction_id: plan.transaction_id, status, reasons: plan.reasons })
      if (closed && plan.kind === "unmatched") events.push({ name: BankTransferEvents.TRANSACTION_UNMATCHED, data: tx })
    } else {
      await service.updateBankTransactions({ id: plan.transaction_id, reconciled_at: new Date() })
    }
    if (plan.kind === "resume") {
      await service.createAuditEvents({
        transaction_id: plan.transaction_id,
        action: "reconciliation_resumed",
        actor_type: "system",
        message: "Finished a matching run that had stopped after allocating (orders captured now)",
      })
    }
    if (plan.kind === "suggest") {
      events.push({ name: BankTransferEvents.TRANSACTION_SUGGESTED, data: { ...tx, expectation_ids: plan.suggestions.map((s) => s.expectation_id) } })
    }
    if (allocation) {
      events.push({ name: BankTransferEvents.TRANSACTION_MATCHED, data: { ...tx, expectation_ids: allocation.expectations.map((e) => e.id) } })
      events.push(...orderEvents(allocation, plan.transaction_id))
      if (plan.kind === "apply" && plan.surplus !== "0") {
        events.push({ name: BankTransferEvents.ORDER_OVERPAID, data: { ...tx, surplus: plan.surplus } })
      }
    }
    if (events.length) {
      await container.resolve(Modules.EVENT_BUS).emit(events)
    }
    return new StepResponse(events.map((e) => e.name))
  }
)

/** The order-level events for allocations, shared with the accountant's confirm and match routes. */
export function orderEvents(allocation: AllocationResult, transactionId: string) {
  const events: { name: string; data: Record<string, unknown> }[] = []
  for (const e of allocation.expectations) {
    const data = { id: e.id, order_id: e.order_id, transaction_id: transactionId, amount_remaining: e.amount_remaining }
    if (e.status === "paid") events.push({ name: BankTransferEvents.ORDER_PAID, data })
    if (e.status === "partially_paid") events.push({ name: BankTransferEvents.ORDER_PARTIALLY_PAID, data })
    if (e.previous_status === "tentatively_canceled") events.push({ name: BankTransferEvents.ORDER_REVIVED, data })
  }
  return events
}
