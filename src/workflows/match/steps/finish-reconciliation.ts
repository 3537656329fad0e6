import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  BANK_TRANSFER_MODULE,
  type AllocationResult,
} from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"
import { BankTransferEvents } from "../../../lib/events"
import type { PlannedEvent } from "../../common/utils/emit-events"
import {
  allocationEvents,
  attentionEvents,
} from "../../allocate/utils/order-events"
import type { PaymentSyncOutcome } from "../../allocate/steps/sync-medusa-payments"
import type { MatchPlan } from "./decide-match"

/** The events a matching run may raise. */
export const RECONCILIATION_EVENTS = [
  BankTransferEvents.TRANSACTION_UNMATCHED,
  BankTransferEvents.TRANSACTION_SUGGESTED,
  BankTransferEvents.TRANSACTION_MATCHED,
  BankTransferEvents.ORDER_PAID,
  BankTransferEvents.ORDER_PARTIALLY_PAID,
  BankTransferEvents.ORDER_REVIVED,
  BankTransferEvents.ORDER_OVERPAID,
  BankTransferEvents.ORDER_NEEDS_ATTENTION,
] as const

/**
 * Records the outcome on the transaction (status, reconciled_at, audit) and returns the events to
 * emit: transaction matched / suggested / unmatched, and per order partially paid / paid /
 * overpaid / revived (a late payment for an order on hold).
 */
export const finishReconciliationStep = createStep(
  "bank-transfer-finish-reconciliation",
  async (
    input: {
      plan: MatchPlan
      allocation?: AllocationResult | null
      synced?: PaymentSyncOutcome[] | null
    },
    { container }
  ) => {
    const { plan } = input
    if (plan.kind === "skip") {
      return new StepResponse([] as PlannedEvent[])
    }
    const allocation =
      input.allocation ?? (plan.kind === "resume" ? plan.allocation : null)
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    const events: PlannedEvent[] = []
    const tx = { transaction_id: plan.transaction_id }

    if (plan.kind === "unmatched" || plan.kind === "ignore") {
      const status = plan.kind === "ignore" ? "ignored" : "unmatched"
      const closed = await service.closeWithoutMatch({
        transaction_id: plan.transaction_id,
        status,
        reasons: plan.reasons,
      })
      if (closed && plan.kind === "unmatched") {
        events.push({
          name: BankTransferEvents.TRANSACTION_UNMATCHED,
          data: tx,
        })
      }
    } else {
      await service.updateBankTransactions({
        id: plan.transaction_id,
        reconciled_at: new Date(),
      })
    }
    if (plan.kind === "resume") {
      await service.createAuditEvents({
        transaction_id: plan.transaction_id,
        action: "reconciliation_resumed",
        actor_type: "system",
        message:
          "Finished a matching run that had stopped after allocating (orders captured now)",
      })
    }
    if (plan.kind === "suggest") {
      events.push({
        name: BankTransferEvents.TRANSACTION_SUGGESTED,
        data: {
          ...tx,
          expectation_ids: plan.suggestions.map((s) => s.expectation_id),
        },
      })
    }
    if (allocation) {
      events.push(...allocationEvents(allocation, plan.transaction_id))
      if (plan.kind === "apply" && plan.surplus !== "0") {
        events.push({
          name: BankTransferEvents.ORDER_OVERPAID,
          data: { ...tx, surplus: plan.surplus },
        })
      }
    }
    events.push(...attentionEvents(input.synced ?? []))
    return new StepResponse(events)
  }
)
