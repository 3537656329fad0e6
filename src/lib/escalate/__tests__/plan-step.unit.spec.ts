import { BusinessCalendar } from "../calendar/business-calendar"
import { DEFAULT_POLICIES } from "../policy"
import { planEscalation } from "../plan-step"

const cal = new BusinessCalendar() // Vietnam
// Friday afternoon before Tết 2025: digital asks on 5 and 7 Feb, puts on hold on 8 Feb (Hanoi).
const placed_at = new Date("2025-01-24T15:00:00+07:00")
const plan = (status: string, now: string, done: string[] = []) =>
  planEscalation(
    {
      placed_at,
      status,
      steps_done: Object.fromEntries(done.map((s) => [s, now])),
    },
    DEFAULT_POLICIES.digital,
    cal,
    new Date(now)
  )

describe("planEscalation", () => {
  it("asks a waiting shopper to confirm when the step is due, then plans the next one", () => {
    expect(plan("awaiting_transfer", "2025-02-05T10:00:00+07:00")).toEqual({
      due: ["confirmation_1"],
      next_step: "confirmation_2",
      next_step_at: new Date("2025-02-06T17:00:00.000Z"),
    })
  })

  it("does not ask a shopper who already said they paid: the hold is what comes next", () => {
    expect(plan("customer_confirmed", "2025-02-05T10:00:00+07:00")).toEqual({
      due: [],
      next_step: "tentative_cancel",
      next_step_at: new Date("2025-02-07T17:00:00.000Z"),
    })
    // Before any step is due, the next step shown is the hold too, not "ask the shopper".
    expect(
      plan("customer_confirmed", "2025-01-27T10:00:00+07:00").next_step
    ).toBe("tentative_cancel")
  })

  it("still puts a confirmed order on hold when that step is due, and records nothing skipped", () => {
    const p = plan("customer_confirmed", "2025-02-08T10:00:00+07:00")
    expect(p.due).toEqual(["tentative_cancel"])
    expect(p.next_step).toBeNull()
  })

  it("asks again as the policy says once the order is back to waiting", () => {
    expect(plan("awaiting_transfer", "2025-02-07T10:00:00+07:00").due).toEqual([
      "confirmation_1",
      "confirmation_2",
    ])
  })
})
