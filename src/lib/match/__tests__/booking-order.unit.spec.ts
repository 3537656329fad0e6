/**
 * A transfer booked before its order was placed is never matched nor suggested to it; compared by
 * calendar day in the shop's time zone, since statement lines carry dates without times.
 */
import { bookedBeforePlaced, calendarDay } from "../booking-order"
import { decide } from "../decide"
import { extractIdentifiers } from "../memo"
import type {
  IncomingTransaction,
  MatchConfig,
  OpenExpectation,
} from "../types"

const CONFIG: MatchConfig = {
  prefixes: ["DH"],
  tolerances: { VND: { type: "fixed", amount: 50_000n } },
  defaultTolerance: { type: "fixed", amount: 0n },
  writeOffTolerance: {},
  allowAutomaticPartials: true,
  amountOnlyWindowDays: 7,
  timeZone: "Asia/Ho_Chi_Minh",
}

const order = (placed: string): OpenExpectation => ({
  id: "e1042",
  reference: "DH1042Q",
  order_number: "1042",
  currency_code: "VND",
  amount_remaining: 2_430_000n,
  created_at: new Date(placed),
})

const tx = (
  booked: string,
  memo = "thanh toan DH1042Q"
): IncomingTransaction => ({
  id: "tx1",
  amount: 2_430_000n,
  currency_code: "VND",
  direction: "in",
  memo,
  booked_at: new Date(booked),
  counterparty_name: null,
})

const run = (t: IncomingTransaction, e: OpenExpectation) =>
  decide(t, extractIdentifiers(t.memo, { prefixes: ["DH"] }), [e], CONFIG)

describe("calendarDay", () => {
  it("is the date in the given zone", () => {
    // 2026-11-29 18:30 UTC is already 30 November in Vietnam (UTC+7).
    const at = new Date("2026-11-29T18:30:00Z")
    expect(calendarDay(at, "Asia/Ho_Chi_Minh")).toBe("2026-11-30")
    expect(calendarDay(at, "UTC")).toBe("2026-11-29")
  })
})

describe("bookedBeforePlaced", () => {
  const placed = new Date("2026-11-30T15:00:00+07:00")
  it.each([
    ["the day before", "2026-11-29T23:59:00+07:00", true],
    ["a date-only line of the day before", "2026-11-29T00:00:00+07:00", true],
    ["a date-only line of the same day", "2026-11-30T00:00:00+07:00", false],
    ["the same day, earlier hour", "2026-11-30T09:00:00+07:00", false],
    ["after", "2026-12-01T08:00:00+07:00", false],
  ])("%s → %s", (_, booked, expected) => {
    expect(
      bookedBeforePlaced(new Date(booked), placed, "Asia/Ho_Chi_Minh")
    ).toBe(expected)
  })

  it("uses the shop's zone, not UTC", () => {
    // Placed 30 Nov 06:00 in Vietnam (29 Nov 23:00 UTC); booked 29 Nov 20:00 in Vietnam.
    const p = new Date("2026-11-30T06:00:00+07:00")
    const b = new Date("2026-11-29T20:00:00+07:00")
    expect(bookedBeforePlaced(b, p, "Asia/Ho_Chi_Minh")).toBe(true)
    // In UTC both are 29 November: the same day.
    expect(bookedBeforePlaced(b, p, "UTC")).toBe(false)
  })
})

describe("decide with a transfer booked before the order", () => {
  it("does not apply a certain reference to an order placed the day after", () => {
    const d = run(
      tx("2026-11-29T00:00:00+07:00"),
      order("2026-11-30T10:00:00+07:00")
    )
    expect(d.kind).toBe("unmatched")
    expect(d.kind === "unmatched" && d.reasons.map((r) => r.code)).toContain(
      "booked_before_order"
    )
  })

  it("does not suggest it on the amount alone", () => {
    const d = run(
      tx("2026-11-29T16:00:00+07:00", "chuyen tien"),
      order("2026-11-30T10:00:00+07:00")
    )
    expect(d.kind).toBe("unmatched")
  })

  it("applies a date-only line of the day the order was placed", () => {
    const d = run(
      tx("2026-11-30T00:00:00+07:00"),
      order("2026-11-30T10:00:00+07:00")
    )
    expect(d).toMatchObject({
      kind: "apply",
      allocations: [{ expectation_id: "e1042", amount: 2_430_000n }],
    })
  })
})
