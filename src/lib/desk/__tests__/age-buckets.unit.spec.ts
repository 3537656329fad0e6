import { BusinessCalendar } from "../../escalate/calendar/business-calendar"
import { AGE_BUCKETS, ageBucketOf, ageBucketRanges } from "../age-buckets"

const vn = new BusinessCalendar({
  timeZone: "Asia/Ho_Chi_Minh",
  weekendDays: [0, 6],
  country: "VN",
})

describe("age buckets of open orders", () => {
  it("puts each age in business days in one bucket", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 40].map((d) => ageBucketOf(d))).toEqual([
      "0_1",
      "0_1",
      "2_3",
      "2_3",
      "4_5",
      "4_5",
      "over_5",
      "over_5",
    ])
    expect(() => ageBucketOf(-1)).toThrow(/No age bucket/)
  })

  it("turns buckets into placement ranges that agree with businessDaysBetween", () => {
    // Tuesday after Tết 2025 (holidays 2025-01-27 .. 01-31), 10:00 in Hà Nội.
    const now = new Date("2025-02-04T03:00:00Z")
    const ranges = ageBucketRanges(vn, now)
    expect(ranges.map((r) => r.key)).toEqual(AGE_BUCKETS.map((b) => b.key))
    expect(ranges[0].placed_before).toBeNull()
    expect(ranges[3].placed_from).toBeNull()
    // Consecutive buckets share their border: no order falls between two or into both.
    for (let i = 1; i < ranges.length; i++) {
      expect(ranges[i].placed_before).toEqual(ranges[i - 1].placed_from)
    }
    // Every hour over six weeks lands in the bucket of its age on the calendar.
    for (let h = 0; h < 24 * 42; h++) {
      const placed = new Date(now.getTime() - h * 3_600_000)
      const range = ranges.find(
        (r) =>
          (!r.placed_from || placed >= r.placed_from) &&
          (!r.placed_before || placed < r.placed_before)
      )
      expect(range?.key).toBe(ageBucketOf(vn.businessDaysBetween(placed, now)))
    }
  })

  it("does not count Tết or weekends: placed before Tết is only 2 business days old", () => {
    // Placed Friday 2025-01-24 15:00 in Hà Nội: only Monday 02-03 and Tuesday 02-04 count by 02-05.
    const placed = new Date("2025-01-24T08:00:00Z")
    const now = new Date("2025-02-05T03:00:00Z")
    expect(vn.businessDaysBetween(placed, now)).toBe(2)
    const r = ageBucketRanges(vn, now).find((x) => x.key === "2_3")!
    expect(placed >= r.placed_from! && placed < r.placed_before!).toBe(true)
  })
})
