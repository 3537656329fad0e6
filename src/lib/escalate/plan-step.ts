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
 */
export function planEscalation(
  row: { placed_at: Date; steps_done: Record<string, string> },
  policy: EscalationPolicy,
  calendar: BusinessDayAdder,
  now: Date
) {
  const done = Object.keys(row.steps_done)
  const due = dueSteps(row.placed_at, policy, calendar, now, done).map(
    (s) => s.step as string
  )
  const next = scheduleFor(row.placed_at, policy, calendar).find(
    (s) => !done.includes(s.step) && !due.includes(s.step)
  )
  return {
    due,
    next_step: next?.step ?? null,
    next_step_at: next?.dueAt ?? null,
  }
}
