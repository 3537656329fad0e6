import type { Context } from "@medusajs/framework/types"
import type BankTransferModuleService from "../service"
import { insertSystemAuditEvents } from "../repositories/audit-event"
import { insertEscalationAnnouncement } from "../repositories/escalation-announcement"
import {
  lockDueExpectations,
  updateEscalations,
} from "../repositories/expectation"
import { transition } from "../state-machine"
import type { ClaimedEscalation, EscalationPlan, EscalationRow } from "../types"

/**
 * Claims a batch of expectations whose next escalation step is due and moves them along, inside
 * the caller's database transaction. `FOR UPDATE SKIP LOCKED` lets jobs on several servers share
 * the work without ever taking the same row, and the recorded `steps_done` makes a second run a
 * no-op. `plan` decides, per row, which steps are due now (never early) and what comes next.
 *
 * The same transaction writes the batch's announcement (the outbox: who is to be told of which
 * step): committed together with the steps, so that no step is ever committed untold, whatever
 * crashes afterwards. `announcement_id` is null when nothing was claimed.
 */
export async function claimDueEscalations(
  this: BankTransferModuleService,
  input: {
    now: Date
    limit: number
    plan: (row: EscalationRow) => EscalationPlan
  },
  sharedContext: Context
): Promise<{
  scanned: number
  claimed: ClaimedEscalation[]
  announcement_id: string | null
}> {
  const manager = sharedContext.transactionManager as any
  const rows: any[] = await lockDueExpectations(manager, input.now, input.limit)
  const claimed: ClaimedEscalation[] = []
  const updates = rows.map((row) => {
    const plan = input.plan({
      ...row,
      placed_at: new Date(row.placed_at),
      steps_done: row.steps_done ?? {},
    })
    const stepsDone = { ...(row.steps_done ?? {}) }
    for (const step of plan.due) {
      stepsDone[step] = input.now.toISOString()
    }
    // The state machine decides where the steps take the order (asked, on hold, cancelled).
    const status = plan.due.reduce<string>(
      (current, step) =>
        transition(current, { type: "escalation_step", step }, "system", {
          amount_due: row.amount_due,
          amount_received: row.amount_received,
          steps_done: stepsDone,
        }),
      row.status
    )
    // After an outage several steps can be due at once: only the latest one is acted on.
    const step = plan.due[plan.due.length - 1]
    if (step) {
      claimed.push({
        expectation_id: row.id,
        order_id: row.order_id,
        step,
        from_status: row.status,
        to_status: status,
      })
    }
    return {
      id: row.id,
      status,
      steps_done: stepsDone,
      next_step: plan.next_step,
      next_step_at: plan.next_step_at,
    }
  })
  await updateEscalations(manager, updates)
  await insertSystemAuditEvents(
    manager,
    claimed.map((c) => ({
      expectation_id: c.expectation_id,
      action: `escalation:${c.step}`,
      message:
        c.from_status === c.to_status
          ? null
          : `${c.from_status} → ${c.to_status}`,
      data: {
        step: c.step,
        from_status: c.from_status,
        to_status: c.to_status,
        at: input.now.toISOString(),
      },
    }))
  )
  const announcementId = claimed.length
    ? await insertEscalationAnnouncement(
        manager,
        input.now,
        claimed.map((c) => ({
          expectation_id: c.expectation_id,
          order_id: c.order_id,
          step: c.step,
          to_status: c.to_status,
        }))
      )
    : null
  return { scanned: rows.length, claimed, announcement_id: announcementId }
}
