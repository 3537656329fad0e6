import { BusinessCalendar } from "../calendar/business-calendar"
import {
  classifyProduct,
  DEFAULT_POLICIES,
  dueSteps,
  EscalationPolicy,
  normalizeKind,
  policyForKinds,
  scheduleFor,
  stepCutoffs,
  stricter,
  validatePolicy,
} from "../policy"

const cal = new BusinessCalendar() // Vietnam, with the shipped overrides
const at = (s: string) => new Date(s)
const plain = (steps: { step: string; dueAt: Date }[]) =>
  steps.map((s) => [s.step, s.dueAt.toISOString()])

// Friday afternoon just before Tết 2025 (days off Mon 27 Jan .. Sat 1 Feb).
const placedBeforeTet = at("2025-01-24T15:00:00+07:00")

describe("policies", () => {
  it("defaults: digital asks after 2 and 4 business days, physical after 3, both hold after 5", () => {
    expect(DEFAULT_POLICIES.digital).toMatchObject({
      confirmationAfter: [2, 4],
      tentativeCancelAfter: 5,
      finalCancelAfter: null,
    })
    expect(DEFAULT_POLICIES.physical).toMatchObject({
      confirmationAfter: [3],
      tentativeCancelAfter: 5,
      finalCancelAfter: null,
    })
  })

  it.each<[string, Partial<EscalationPolicy>]>([
    ["unordered confirmations", { confirmationAfter: [4, 2] }],
    ["zero days", { confirmationAfter: [0] }],
    ["fractional days", { tentativeCancelAfter: 4.5 }],
    ["confirmation after the hold", { confirmationAfter: [5] }],
    ["final cancel before the hold", { finalCancelAfter: 5 }],
  ])("rejects %s", (_why, change) => {
    expect(() =>
      validatePolicy({ ...DEFAULT_POLICIES.digital, ...change })
    ).toThrow(RangeError)
  })

  it("stricter: each step as early as in either policy, no extra reminders", () => {
    expect(
      stricter(DEFAULT_POLICIES.digital, DEFAULT_POLICIES.physical)
    ).toEqual({
      name: "digital+physical",
      confirmationAfter: [2, 4],
      tentativeCancelAfter: 5,
      finalCancelAfter: null,
    })
    const slow: EscalationPolicy = {
      name: "slow",
      confirmationAfter: [3, 6, 9],
      tentativeCancelAfter: 10,
      finalCancelAfter: 20,
    }
    expect(stricter(slow, DEFAULT_POLICIES.digital)).toEqual({
      name: "slow+digital",
      confirmationAfter: [2, 4], // 9 is dropped: it would come after the merged hold on day 5
      tentativeCancelAfter: 5,
      finalCancelAfter: 20, // one policy opting in to a final cancel makes the merged one opt in
    })
  })

  it("policyForKinds merges the kinds present; unknown kinds and empty orders use physical", () => {
    expect(policyForKinds(["physical", "digital", "digital"])).toEqual(
      stricter(DEFAULT_POLICIES.physical, DEFAULT_POLICIES.digital)
    )
    expect(policyForKinds([])).toBe(DEFAULT_POLICIES.physical)
    expect(policyForKinds(["gift-card"])).toBe(DEFAULT_POLICIES.physical)
    expect(policyForKinds(["digital"])).toBe(DEFAULT_POLICIES.digital)
    expect(() => policyForKinds(["x"], {}, "nope")).toThrow(/nope/)
  })
})

describe("schedule of an order placed just before Tết 2025 (Vietnam)", () => {
  it("digital: Tết does not count; 2 and 4 business days are Mon 3 + Tue 4, then Wed 5 + Thu 6 Feb", () => {
    expect(
      plain(scheduleFor(placedBeforeTet, DEFAULT_POLICIES.digital, cal))
    ).toEqual([
      ["confirmation_1", "2025-02-04T17:00:00.000Z"], // Wed 5 Feb 00:00 in Hanoi
      ["confirmation_2", "2025-02-06T17:00:00.000Z"], // Fri 7 Feb 00:00
      ["tentative_cancel", "2025-02-07T17:00:00.000Z"], // Sat 8 Feb 00:00: Fri 7 was business day 5
    ])
  })

  it("physical, and an opted-in final cancel after 10 business days", () => {
    const policy = { ...DEFAULT_POLICIES.physical, finalCancelAfter: 10 }
    expect(plain(scheduleFor(placedBeforeTet, policy, cal))).toEqual([
      ["confirmation_1", "2025-02-05T17:00:00.000Z"], // Thu 6 Feb 00:00
      ["tentative_cancel", "2025-02-07T17:00:00.000Z"],
      ["final_cancel", "2025-02-14T17:00:00.000Z"], // Sat 15 Feb 00:00
    ])
  })

  it("dueSteps with a fixed clock: never early, each step once, in order", () => {
    const due = (now: string, done: string[] = []) =>
      dueSteps(
        placedBeforeTet,
        DEFAULT_POLICIES.digital,
        cal,
        at(now),
        done
      ).map((s) => s.step)
    expect(due("2025-01-31T23:00:00+07:00")).toEqual([]) // a week of calendar days, none of them business days
    expect(due("2025-02-04T23:59:59.999+07:00")).toEqual([])
    expect(due("2025-02-05T00:00:00+07:00")).toEqual(["confirmation_1"])
    expect(due("2025-02-05T09:00:00+07:00", ["confirmation_1"])).toEqual([])
    expect(due("2025-02-07T08:00:00+07:00", ["confirmation_1"])).toEqual([
      "confirmation_2",
    ])
    // A job that was down for days sees everything that fell due, oldest first.
    expect(due("2025-02-10T08:00:00+07:00")).toEqual([
      "confirmation_1",
      "confirmation_2",
      "tentative_cancel",
    ])
    expect(due("2025-02-10T08:00:00+07:00", ["confirmation_1"])).toEqual([
      "confirmation_2",
      "tentative_cancel",
    ])
  })

  it("stepCutoffs select the same orders as dueSteps", () => {
    const now = at("2025-02-06T10:00:00+07:00")
    const cutoffs = stepCutoffs(DEFAULT_POLICIES.digital, cal, now)
    expect(cutoffs.map((c) => [c.step, c.placedBefore.toISOString()])).toEqual([
      ["confirmation_1", "2025-02-03T17:00:00.000Z"], // placed before Tue 4 Feb: Tue 4 and Wed 5 are over
      ["confirmation_2", "2025-01-23T17:00:00.000Z"], // before Fri 24 Jan: Fri 24, Mon 3, Tue 4, Wed 5
      ["tentative_cancel", "2025-01-22T17:00:00.000Z"], // before Thu 23 Jan
    ])
    for (const placed of [
      "2025-01-23T12:00:00+07:00",
      "2025-01-24T15:00:00+07:00",
      "2025-02-03T08:00:00+07:00",
      "2025-02-04T08:00:00+07:00",
    ]) {
      const viaSchedule = dueSteps(
        at(placed),
        DEFAULT_POLICIES.digital,
        cal,
        now,
        []
      ).map((s) => s.step)
      const viaCutoff = cutoffs
        .filter((c) => at(placed) < c.placedBefore)
        .map((c) => c.step)
      expect([placed, viaCutoff]).toEqual([placed, viaSchedule])
    }
  })
})

describe("classifyProduct", () => {
  it("metadata bank_transfer_policy wins over type and tags", () => {
    expect(
      classifyProduct({
        type: "digital",
        tags: ["saas"],
        metadata: { bank_transfer_policy: " physical " },
      })
    ).toBe("physical")
    expect(
      classifyProduct({
        type: "T-shirt",
        metadata: { bank_transfer_policy: "priority" },
      })
    ).toBe("priority")
    expect(
      classifyProduct({ type: "SaaS", metadata: { bank_transfer_policy: 42 } })
    ).toBe("digital") // not a string: ignored
  })

  it("type, then tags, compared loosely; Medusa's {value} objects accepted", () => {
    expect(classifyProduct({ type: "SaaS" })).toBe("digital")
    expect(classifyProduct({ type: { value: "Subscription" } })).toBe("digital")
    expect(
      classifyProduct({ type: "Shirts", tags: ["sale", "Download"] })
    ).toBe("digital")
    expect(classifyProduct({ tags: [{ value: "Kỹ thuật số" }] })).toBe(
      "digital"
    )
    expect(normalizeKind("  Kỹ  thuật_số ")).toBe("ky-thuat-so")
  })

  it("licences and everything else are physical by default", () => {
    expect(classifyProduct({ type: "license-key" })).toBe("physical")
    expect(classifyProduct({ type: "software", tags: ["license"] })).toBe(
      "physical"
    )
    expect(classifyProduct({ type: null, tags: [] })).toBe("physical")
    expect(classifyProduct({})).toBe("physical")
  })

  it("custom rules: earlier kinds win, custom fallback", () => {
    const rules = {
      metadataKey: "policy",
      kinds: { service: ["consulting"], digital: ["consulting", "ebook"] },
      fallback: "goods",
    }
    expect(classifyProduct({ tags: ["ebook", "consulting"] }, rules)).toBe(
      "service"
    )
    expect(classifyProduct({ tags: ["ebook"] }, rules)).toBe("digital")
    expect(
      classifyProduct(
        { type: "chair", metadata: { bank_transfer_policy: "digital" } },
        rules
      )
    ).toBe("goods")
  })
})
