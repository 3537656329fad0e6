/**
 * A transfer booked before its order was placed is never matched nor suggested to it; compared by
 * calendar day in the shop's time zone, since statement lines carry dates without times.
 */
import { bookedBeforePlaced, calendarDay } from "../booking-order"
import { matchConfigFromOptions } from "../config"
import { decide } from "../decide"
import { parseOptions } from "../../options"
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

const order = (
  placed: string,
  extra: Partial<OpenExpectation> = {}
): OpenExpectation => ({
  id: "e1042",
  reference: "DH1042Q",
  order_number: "1042",
  currency_code: "VND",
  amount_remaining: 2_430_000n,
  created_at: new Date(placed),
  ...extra,
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

const run = (
  t: IncomingTransaction,
  e: OpenExpectation | OpenExpectation[],
  config: MatchConfig = CONFIG
) =>
  decide(
    t,
    extractIdentifiers(t.memo, { prefixes: ["DH"] }),
    Array.isArray(e) ? e : [e],
    config
  )

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

describe("decide: every kind of match keeps to the rule", () => {
  it("does not suggest an order named by its number alone when it was placed the day after", () => {
    const memo = "thanh toan don hang 1042"
    const e = order("2026-11-30T10:00:00+07:00")
    expect(run(tx("2026-11-29T10:00:00+07:00", memo), e).kind).toBe("unmatched")
    expect(run(tx("2026-11-30T08:00:00+07:00", memo), e)).toMatchObject({
      kind: "suggest",
      suggestions: [{ expectation_id: "e1042" }],
    })
  })

  it("keeps an order placed later out of a split, and applies to the one placed before", () => {
    const earlier = order("2026-11-28T10:00:00+07:00", {
      id: "e1041",
      reference: "DH1041K",
      order_number: "1041",
      amount_remaining: 1_000_000n,
    })
    const later = order("2026-11-30T10:00:00+07:00", {
      amount_remaining: 1_430_000n,
    })
    const t = { ...tx("2026-11-29T10:00:00+07:00"), memo: "DH1041K DH1042Q" }
    const d = run(t, [earlier, later])
    expect(d).toMatchObject({
      kind: "apply",
      allocations: [{ expectation_id: "e1041", amount: 1_000_000n }],
    })
    expect(
      d.kind === "apply" && d.allocations.map((a) => a.expectation_id)
    ).toEqual(["e1041"])
  })

  it("compares the days in the configured zone", () => {
    // Booked 29 Nov 23:30 UTC, the order placed 30 Nov 01:00 UTC: in Vietnam both on 30 Nov
    // (06:30 and 08:00), in UTC on two days.
    const t = tx("2026-11-29T23:30:00Z")
    const e = order("2026-11-30T01:00:00Z")
    expect(run(t, e).kind).toBe("apply")
    expect(run(t, e, { ...CONFIG, timeZone: "UTC" }).kind).toBe("unmatched")
  })

  it("takes the zone from the plugin's calendar option", () => {
    const accounts = [
      {
        bank_bin: "970436",
        account_number: "0071000123456",
        account_holder: "CONG TY TNHH DEMO",
      },
    ]
    expect(matchConfigFromOptions(parseOptions({ accounts })).timeZone).toBe(
      "Asia/Ho_Chi_Minh"
    )
    expect(
      matchConfigFromOptions(
        parseOptions({ accounts, calendar: { time_zone: "Europe/Berlin" } })
      ).timeZone
    ).toBe("Europe/Berlin")
  })

  it("counts a VND transfer's days in Vietnam even when the merchant's calendar is elsewhere", () => {
    const accounts = [
      {
        bank_bin: "970436",
        account_number: "0071000123456",
        account_holder: "CONG TY TNHH DEMO",
      },
    ]
    const config = matchConfigFromOptions(
      parseOptions({
        accounts,
        calendar: { time_zone: "UTC", country: "DE" },
        calendars: {
          EUR: {
            time_zone: "Europe/Berlin",
            weekend_days: [6, 0],
            country: "DE",
          },
        },
      })
    )
    expect(config.timeZones).toMatchObject({
      VND: "Asia/Ho_Chi_Minh",
      EUR: "Europe/Berlin",
    })
    // In UTC these are two days; in Vietnam, where a VND bank books, one.
    const t = tx("2026-11-29T23:30:00Z")
    const e = order("2026-11-30T01:00:00Z")
    expect(run(t, e, config).kind).toBe("apply")
  })
})
