import {
  dueSteps,
  EscalationPolicy,
  scheduleFor,
  BusinessDayAdder,
} from "./policy"

/** Where each escalation step takes an unpaid expectation. */
export function statusAfterStep(step: string, current: string): string {
  if (step === "tentative_cancel") {
    return "tentatively_canceled"
  }
  if (step === "final_cancel") {
    return "canceled"
  }
  // Asking again does not undo what the shopper already said, nor hide a part payment.
  if (current === "awaiting_transfer") {
    return "awaiting_customer_confirmation"
  }
  return current
}

/**
 * For one expectation at `now`: which steps are due (never early), its status after them, and the
 * next step still to come. Recomputed from the calendar at every run, so that a holiday override
 * added later moves deadlines that are not yet due.
 */
export function planEscalation(
  row: { status: string; placed_at: Date; steps_done: Record<string, string> },
  policy: EscalationPolicy,
  calendar: BusinessDayAdder,
  now: Date
) {
  const done = Object.keys(row.steps_done)
  const due = dueSteps(row.placed_at, policy, calendar, now, done).map(
    (s) => s.step as string
  )
  const status = due.reduce(
    (current, step) => statusAfterStep(step, current),
    row.status
  )
  const next = scheduleFor(row.placed_at, policy, calendar).find(
    (s) => !done.includes(s.step) && !due.includes(s.step)
  )
  return {
    due,
    status: status === row.status ? null : status,
    next_step: next?.step ?? null,
    next_step_at: next?.dueAt ?? null,
  }
}
