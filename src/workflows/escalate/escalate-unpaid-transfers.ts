import {
  createHook,
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { BankTransferEvents } from "../../lib/events"
import { escalateDueTransfersStep } from "./steps/escalate-due-transfers"

export type EscalateUnpaidTransfersInput = {
  /** The run's time: what is due is measured against it, and every audit entry carries it. */
  now: Date | string
  batch_size?: number
}

/**
 * The escalation run (the scheduled job's work): every unpaid order whose next step is due, in
 * business days, is asked to confirm its payment, put on hold or cancelled, as its policy says.
 * The admin feed gets one summary event per run that moved anything, not one entry per order.
 *
 * Hook: `escalated` ({ now, totals }) once the run's steps are committed and announced.
 */
export const escalateUnpaidTransfersWorkflow = createWorkflow(
  "bank-transfer-escalate-unpaid-transfers",
  (input: EscalateUnpaidTransfersInput) => {
    const totals = escalateDueTransfersStep(input)
    when({ totals }, ({ totals }) => totals.escalated > 0).then(() => {
      emitEventStep({
        eventName: BankTransferEvents.ESCALATION_RUN_COMPLETED,
        data: transform({ input, totals }, ({ input, totals }) => {
          const at = new Date(input.now).toISOString()
          return {
            id: `${at}:${totals.first_claimed}`,
            at,
            escalated: totals.escalated,
            by_step: totals.by_step,
          }
        }),
      })
    })
    const escalated = createHook("escalated", { now: input.now, totals })
    return new WorkflowResponse(totals, { hooks: [escalated] })
  }
)
