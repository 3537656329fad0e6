import {
  dueSteps,
  EscalationPolicy,
  scheduleFor,
  BusinessDayAdder,
} from "./policy"

/**
 * For one expectation at `now`: which steps are due (never early) and the
 * next step still to come. Recomputed from the calendar at every run, so that a holiday override
 * added later moves deadlines that are not yet due.
 *
 * A shopper who already said "I have paid" (`customer_confirmed`) is not asked to confirm again:
 * confirmation steps are neither due nor next while the order is in that status. They are not
 * recorded as done either, so that if the accountant finds no money and the order goes back to
 * waiting, the shopper is asked as the policy says.
 */
export function planEscalation(
  row: { placed_at: Date; steps_done: Record<string, string>; status?: string },
  policy: EscalationPolicy,
  calendar: BusinessDayAdder,
  now: Date
) {
  const done = Object.keys(row.steps_done)
  const skipped = (step: string) =>
    row.status === "customer_confirmed" && step.startsWith("confirmation_")
  const due = dueSteps(row.placed_at, policy, calendar, now, done)
    .map((s) => s.step as string)
    .filter((step) => !skipped(step))
  const next = scheduleFor(row.placed_at, policy, calendar).find(
    (s) => !done.includes(s.step) && !due.includes(s.step) && !skipped(s.step)
  )
  return {
    due,
    next_step: next?.step ?? null,
    next_step_at: next?.dueAt ?? null,
  }
}
