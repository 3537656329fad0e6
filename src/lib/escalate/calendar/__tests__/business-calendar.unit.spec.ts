import { readFileSync } from "fs"
import { join } from "path"
import { BusinessCalendar } from "../business-calendar"
import { addDays, dayOfWeek } from "../local-date"
import { VN_OVERRIDES } from "../vn-overrides"

/** Vietnam's days off per the python `holidays` project (see the file's "source"). */
const VN: {
  holidays: Record<string, string>
  extra_working_days: Record<string, string>
} = JSON.parse(
  readFileSync(
    join(__dirname, "fixtures", "vn-public-holidays-2024-2027.json"),
    "utf8"
  )
)

const iso = (d: Date) => d.toISOString()
const at = (s: string) => new Date(s)

function daysOf(year: number): string[] {
  const days: string[] = []
  for (let d = `${year}-01-01`; d.startsWith(`${year}-`); d = addDays(d, 1)) {
    days.push(d)
  }
  return days
}

describe("date-holidays alone (VN, type public)", () => {
  const base = new BusinessCalendar({ useDefaultOverrides: false })
  const holidaysIn = (year: number) =>
    daysOf(year).filter((d) => base.holidayName(d) !== null)

  it("gives a 5-day Tết block from Lunar New Year's Eve, Hùng Kings, 1/1, 30/4, 1/5 and 2/9 (2025)", () => {
    expect(holidaysIn(2025)).toEqual([
      "2025-01-01",
      "2025-01-28",
      "2025-01-29",
      "2025-01-30",
      "2025-01-31",
      "2025-02-01",
      "2025-04-07",
      "2025-04-30",
      "2025-05-01",
      "2025-09-02",
    ])
    expect(base.holidayName("2025-01-29")).toBe("Tết Nguyên Đán")
    expect(base.holidayName("2025-04-07")).toBe("Giỗ tổ Hùng Vương")
  })

  it("2026: Tết 02-16..02-20, Hùng Kings on Sunday 04-26 with no observed day", () => {
    expect(holidaysIn(2026)).toEqual([
      "2026-01-01",
      "2026-02-16",
      "2026-02-17",
      "2026-02-18",
      "2026-02-19",
      "2026-02-20",
      "2026-04-26",
      "2026-04-30",
      "2026-05-01",
      "2026-09-02",
    ])
    expect(base.isBusinessDay("2026-04-27")).toBe(true) // wrong without the overrides
  })

  it("misses exactly the days VN_OVERRIDES adds (2024-2027), and has no day too many", () => {
    const reference = Object.keys(VN.holidays)
    const missing = reference.filter((d) => base.holidayName(d) === null)
    const added = VN_OVERRIDES.filter((o) => o.kind === "day_off").map(
      (o) => o.date
    )
    expect(missing).toEqual(added)
    const extra = [2024, 2025, 2026, 2027]
      .flatMap(holidaysIn)
      .filter((d) => !(d in VN.holidays))
    expect(extra).toEqual([])
  })
})

describe("Vietnamese calendar (date-holidays + default overrides)", () => {
  const cal = new BusinessCalendar()

  it.each([2024, 2025, 2026, 2027])(
    "equals the reference days off for every day of %i",
    (year) => {
      const mismatches = daysOf(year).filter((d) => {
        const weekend = dayOfWeek(d) === 0 || dayOfWeek(d) === 6
        const off =
          (weekend || d in VN.holidays) && !(d in VN.extra_working_days)
        return cal.isBusinessDay(d) === off
      })
      expect(mismatches).toEqual([])
    }
  )

  it("Tết 2025: Mon 27 to Fri 31 January off, named", () => {
    expect(cal.isBusinessDay("2025-01-24")).toBe(true)
    for (const d of [
      "2025-01-27",
      "2025-01-28",
      "2025-01-29",
      "2025-01-30",
      "2025-01-31",
    ]) {
      expect(cal.isBusinessDay(d)).toBe(false)
    }
    expect(cal.isBusinessDay("2025-02-03")).toBe(true)
    expect(cal.holidayName("2025-01-27")).toBe("29 of Lunar New Year")
    expect(cal.holidayName("2025-01-29")).toBe("Tết Nguyên Đán")
    expect(cal.holidayName("2025-01-25")).toBeNull() // a plain Saturday is no holiday
  })

  it("Hùng Kings: 2025-04-07; 2026-04-26 (Sunday) observed Monday 04-27", () => {
    expect(cal.isBusinessDay("2025-04-07")).toBe(false)
    expect(cal.isBusinessDay("2025-04-08")).toBe(true)
    expect(cal.holidayName("2026-04-26")).toBe("Giỗ tổ Hùng Vương")
    expect(cal.holidayName("2026-04-27")).toBe(
      "Hung Kings' Commemoration Day (observed)"
    )
    expect(cal.isBusinessDay("2026-04-28")).toBe(true)
  })

  it("30/4 and 1/5; National Day is two days (1/9 + 2/9 in 2025 and 2026)", () => {
    for (const d of ["2025-04-30", "2025-05-01", "2026-04-30", "2026-05-01"]) {
      expect(cal.isBusinessDay(d)).toBe(false)
    }
    expect(cal.isBusinessDay("2025-05-02")).toBe(true)
    for (const d of ["2025-09-01", "2025-09-02", "2026-09-01", "2026-09-02"]) {
      expect(cal.isBusinessDay(d)).toBe(false)
    }
    for (const d of ["2025-09-03", "2026-08-31", "2026-09-03"]) {
      expect(cal.isBusinessDay(d)).toBe(true)
    }
  })

  it("Saturday 2024-05-04 was a working day", () => {
    expect(cal.isBusinessDay("2024-05-04")).toBe(true)
    expect(cal.holidayName("2024-05-04")).toBeNull()
    expect(cal.isBusinessDay("2024-05-05")).toBe(false)
    // Placed Friday afternoon: that Saturday is the first business day.
    expect(iso(cal.addBusinessDays(at("2024-05-03T15:00:00+07:00"), 1))).toBe(
      "2024-05-04T17:00:00.000Z"
    )
  })

  it("merchant overrides win over date-holidays and over the shipped overrides", () => {
    const custom = new BusinessCalendar({
      overrides: [
        { date: "2025-01-31", kind: "working_day" },
        { date: "2025-05-02", kind: "day_off", name: "Bridge day" },
        { date: "2025-09-01", kind: "working_day" },
      ],
    })
    expect(custom.isBusinessDay("2025-01-31")).toBe(true)
    expect(custom.holidayName("2025-01-31")).toBeNull()
    expect(custom.isBusinessDay("2025-05-02")).toBe(false)
    expect(custom.holidayName("2025-05-02")).toBe("Bridge day")
    expect(custom.isBusinessDay("2025-09-01")).toBe(true)
    expect(custom.isBusinessDay("2025-01-27")).toBe(false) // defaults still apply elsewhere
    expect(
      new BusinessCalendar({ useDefaultOverrides: false }).isBusinessDay(
        "2025-01-27"
      )
    ).toBe(true)
  })

  it("rejects bad configuration early", () => {
    expect(() => new BusinessCalendar({ timeZone: "Asia/Hanoi_Typo" })).toThrow(
      RangeError
    )
    expect(() => new BusinessCalendar({ country: "XX" })).toThrow(/country/)
    expect(() => new BusinessCalendar({ weekendDays: [7] })).toThrow(
      /weekendDays/
    )
    expect(
      () =>
        new BusinessCalendar({
          overrides: [{ date: "2025-02-30", kind: "day_off" }],
        })
    ).toThrow(/calendar date/)
    expect(
      () =>
        new BusinessCalendar({
          overrides: [{ date: "2025-02-03", kind: "off" as never }],
        })
    ).toThrow(/kind/)
    expect(() =>
      new BusinessCalendar({
        country: null,
        weekendDays: [0, 1, 2, 3, 4, 5, 6],
      }).addBusinessDays(new Date(), 1)
    ).toThrow(/No business day/)
  })

  it("localDate and startOfDay use Vietnam time (UTC+7)", () => {
    expect(cal.localDate(at("2025-01-27T16:59:59.999Z"))).toBe("2025-01-27")
    expect(cal.localDate(at("2025-01-27T17:00:00.000Z"))).toBe("2025-01-28")
    expect(iso(cal.startOfDay("2025-01-28"))).toBe("2025-01-27T17:00:00.000Z")
  })
})

describe("addBusinessDays / businessDaysBetween (Asia/Ho_Chi_Minh)", () => {
  const cal = new BusinessCalendar()
  const due = (placed: string, n: number) =>
    iso(cal.addBusinessDays(at(placed), n))

  it("Friday 15:00 + 2 → start of Wednesday (Mon and Tue were the two full business days)", () => {
    expect(due("2025-03-14T15:00:00+07:00", 2)).toBe("2025-03-18T17:00:00.000Z")
    expect(due("2025-03-14T15:00:00+07:00", 1)).toBe("2025-03-17T17:00:00.000Z") // start of Tuesday
    expect(due("2025-03-17T09:00:00+07:00", 2)).toBe("2025-03-19T17:00:00.000Z") // Monday → Thursday
  })

  it("n = 0 is the instant itself; n must be a whole number ≥ 0", () => {
    expect(due("2025-03-14T15:00:00+07:00", 0)).toBe("2025-03-14T08:00:00.000Z")
    expect(() => cal.addBusinessDays(new Date(), -1)).toThrow(RangeError)
    expect(() => cal.addBusinessDays(new Date(), 1.5)).toThrow(RangeError)
  })

  it("across Tết 2025 and 2026", () => {
    expect(due("2025-01-24T15:00:00+07:00", 2)).toBe("2025-02-04T17:00:00.000Z") // → Wed 5 Feb
    expect(due("2025-01-23T10:00:00+07:00", 2)).toBe("2025-02-03T17:00:00.000Z") // Fri 24, Mon 3 → Tue 4
    expect(due("2026-02-13T15:00:00+07:00", 2)).toBe("2026-02-24T17:00:00.000Z") // → Wed 25 Feb
  })

  it("placed on a holiday or weekend: counting starts at the next business day", () => {
    expect(due("2025-01-29T12:00:00+07:00", 1)).toBe("2025-02-03T17:00:00.000Z")
    expect(due("2025-02-01T12:00:00+07:00", 1)).toBe("2025-02-03T17:00:00.000Z")
    expect(due("2025-03-15T10:00:00+07:00", 2)).toBe("2025-03-18T17:00:00.000Z") // Saturday → Wednesday
  })

  it("across the year end (1/1 off)", () => {
    for (const placed of [
      "2025-12-31T10:00:00+07:00",
      "2025-12-31T23:59:59+07:00",
      "2026-01-01T00:00:00+07:00",
    ]) {
      expect(due(placed, 2)).toBe("2026-01-05T17:00:00.000Z") // Fri 2, Mon 5 → Tue 6 Jan
    }
  })

  it("across Hùng Kings, 30/4-1/5 and National Day", () => {
    expect(due("2025-04-04T15:00:00+07:00", 2)).toBe("2025-04-09T17:00:00.000Z") // Mon 7 off → Thu 10
    expect(due("2025-04-28T10:00:00+07:00", 2)).toBe("2025-05-02T17:00:00.000Z") // Tue 29, Fri 2 → Sat 3
    expect(due("2026-04-24T15:00:00+07:00", 2)).toBe("2026-04-29T17:00:00.000Z") // Mon 27 observed → Thu 30
    expect(due("2026-04-24T15:00:00+07:00", 3)).toBe("2026-05-04T17:00:00.000Z") // Thu 30, Fri 1 off → Tue 5
    expect(due("2025-08-29T15:00:00+07:00", 2)).toBe("2025-09-04T17:00:00.000Z") // Mon 1, Tue 2 off → Fri 5
    // Without the shipped overrides the observed Monday would count:
    const bare = new BusinessCalendar({ useDefaultOverrides: false })
    expect(iso(bare.addBusinessDays(at("2026-04-24T15:00:00+07:00"), 2))).toBe(
      "2026-04-28T17:00:00.000Z"
    )
  })

  it("dueCutoff: on Wed 5 Feb 2025 00:00, orders placed before Mon 3 Feb have 2 business days behind them", () => {
    const now = at("2025-02-05T00:00:00+07:00")
    expect(iso(cal.dueCutoff(now, 2))).toBe("2025-02-02T17:00:00.000Z")
    expect(cal.addBusinessDays(at("2025-02-02T23:59:59+07:00"), 2) <= now).toBe(
      true
    )
    expect(cal.addBusinessDays(at("2025-02-03T00:00:00+07:00"), 2) <= now).toBe(
      false
    )
    expect(iso(cal.dueCutoff(now, 0))).toBe("2025-02-04T17:00:00.001Z")
  })

  it("businessDaysBetween counts full business days after the start day", () => {
    const placed = at("2025-01-24T15:00:00+07:00")
    expect(
      cal.businessDaysBetween(placed, at("2025-02-05T00:00:00+07:00"))
    ).toBe(2)
    expect(
      cal.businessDaysBetween(placed, at("2025-02-04T23:59:59.999+07:00"))
    ).toBe(1)
    expect(
      cal.businessDaysBetween(placed, at("2025-02-03T12:00:00+07:00"))
    ).toBe(0) // Monday not over yet
    expect(
      cal.businessDaysBetween(placed, at("2025-01-31T23:00:00+07:00"))
    ).toBe(0) // all of Tết
    expect(
      cal.businessDaysBetween(placed, at("2025-01-20T00:00:00+07:00"))
    ).toBe(0) // backwards
  })
})

describe("other time zones, across DST", () => {
  it("Europe/Berlin (DE holidays): spring forward, Easter, fall back", () => {
    const cal = new BusinessCalendar({
      timeZone: "Europe/Berlin",
      country: "DE",
    })
    expect(iso(cal.startOfDay("2025-03-30"))).toBe("2025-03-29T23:00:00.000Z") // CET
    expect(iso(cal.startOfDay("2025-03-31"))).toBe("2025-03-30T22:00:00.000Z") // CEST
    expect(iso(cal.addBusinessDays(at("2025-03-28T15:00:00+01:00"), 2))).toBe(
      "2025-04-01T22:00:00.000Z"
    )
    expect(iso(cal.addBusinessDays(at("2025-03-28T15:00:00+01:00"), 1))).toBe(
      "2025-03-31T22:00:00.000Z"
    )
    // Good Friday 18 and Easter Monday 21 April are off.
    expect(iso(cal.addBusinessDays(at("2025-04-17T10:00:00+02:00"), 2))).toBe(
      "2025-04-23T22:00:00.000Z"
    )
    expect(iso(cal.startOfDay("2025-10-26"))).toBe("2025-10-25T22:00:00.000Z") // still CEST at midnight
    expect(iso(cal.addBusinessDays(at("2025-10-24T12:00:00+02:00"), 2))).toBe(
      "2025-10-28T23:00:00.000Z"
    ) // CET
    expect(
      cal.businessDaysBetween(
        at("2025-10-24T12:00:00+02:00"),
        at("2025-10-28T23:00:00Z")
      )
    ).toBe(2)
    expect(
      cal.businessDaysBetween(
        at("2025-10-24T12:00:00+02:00"),
        at("2025-10-28T22:59:59.999Z")
      )
    ).toBe(1)
  })

  it("America/New_York (US holidays): DST start and end, Thanksgiving", () => {
    const cal = new BusinessCalendar({
      timeZone: "America/New_York",
      country: "US",
    })
    expect(iso(cal.addBusinessDays(at("2025-03-07T15:00:00-05:00"), 2))).toBe(
      "2025-03-12T04:00:00.000Z"
    ) // EDT
    // 23:30 Friday in New York is already Saturday in UTC; the local day decides.
    expect(cal.localDate(at("2025-03-07T23:30:00-05:00"))).toBe("2025-03-07")
    expect(iso(cal.addBusinessDays(at("2025-03-07T23:30:00-05:00"), 2))).toBe(
      "2025-03-12T04:00:00.000Z"
    )
    expect(iso(cal.addBusinessDays(at("2025-10-31T15:00:00-04:00"), 2))).toBe(
      "2025-11-05T05:00:00.000Z"
    ) // EST
    // Thanksgiving (public) is off; the day after is only an "observance" in date-holidays.
    expect(iso(cal.addBusinessDays(at("2025-11-26T10:00:00-05:00"), 2))).toBe(
      "2025-12-02T05:00:00.000Z"
    )
  })

  it("America/Santiago: a day whose midnight does not exist starts at 01:00", () => {
    const cal = new BusinessCalendar({
      timeZone: "America/Santiago",
      country: null,
      weekendDays: [0],
    })
    const start = cal.startOfDay("2025-09-07") // 24:00 Saturday jumps to 01:00 Sunday
    expect(iso(start)).toBe("2025-09-07T04:00:00.000Z")
    expect(cal.localDate(start)).toBe("2025-09-07")
    expect(cal.localDate(new Date(start.getTime() - 1))).toBe("2025-09-06")
    expect(iso(cal.addBusinessDays(at("2025-09-03T12:00:00-04:00"), 3))).toBe(
      "2025-09-07T04:00:00.000Z"
    )
  })
})

describe("property: businessDaysBetween(t, addBusinessDays(t, n)) === n, and < n before", () => {
  // Small seeded PRNG (mulberry32) so a failure can be replayed.
  function rng(seed: number) {
    return () => {
      seed = (seed + 0x6d2b79f5) | 0
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296
    }
  }
  const calendars: [string, BusinessCalendar][] = [
    ["Asia/Ho_Chi_Minh VN", new BusinessCalendar()],
    [
      "Europe/Berlin DE",
      new BusinessCalendar({ timeZone: "Europe/Berlin", country: "DE" }),
    ],
    [
      "America/New_York US",
      new BusinessCalendar({ timeZone: "America/New_York", country: "US" }),
    ],
    [
      "America/Santiago",
      new BusinessCalendar({
        timeZone: "America/Santiago",
        country: null,
        weekendDays: [0],
      }),
    ],
    [
      "Australia/Lord_Howe (30-min DST)",
      new BusinessCalendar({ timeZone: "Australia/Lord_Howe", country: "AU" }),
    ],
    [
      "Asia/Kolkata (+05:30)",
      new BusinessCalendar({ timeZone: "Asia/Kolkata", country: "IN" }),
    ],
  ]
  const FROM = Date.UTC(2023, 0, 1)
  const TO = Date.UTC(2027, 11, 1)

  it.each(calendars)("%s: 500 random instants", (_name, cal) => {
    const random = rng(20250124)
    for (let i = 0; i < 500; i++) {
      const t = new Date(FROM + Math.floor(random() * (TO - FROM)))
      const n = Math.floor(random() * 13)
      const due = cal.addBusinessDays(t, n)
      const context = `t=${iso(t)} n=${n} due=${iso(due)}`
      expect([context, cal.businessDaysBetween(t, due)]).toEqual([context, n])
      if (n === 0) {
        expect(due.getTime()).toBe(t.getTime())
        continue
      }
      expect(due.getTime()).toBeGreaterThan(t.getTime())
      // due is the very start of a local day, and the day before it was a business day
      const before = new Date(due.getTime() - 1)
      expect([context, cal.localDate(before) < cal.localDate(due)]).toEqual([
        context,
        true,
      ])
      expect([context, cal.isBusinessDay(cal.localDate(before))]).toEqual([
        context,
        true,
      ])
      expect([context, cal.businessDaysBetween(t, before)]).toEqual([
        context,
        n - 1,
      ])
      const earlier = new Date(
        t.getTime() + Math.floor(random() * (due.getTime() - t.getTime()))
      )
      expect(cal.businessDaysBetween(t, earlier)).toBeLessThan(n)
      // dueCutoff is the exact inverse: due <= now ⇔ t < dueCutoff(now, n)
      expect([
        context,
        t < cal.dueCutoff(due, n),
        t < cal.dueCutoff(before, n),
      ]).toEqual([context, true, false])
      const now = new Date(
        t.getTime() +
          Math.floor(
            (random() * 2 - 0.5) *
              (due.getTime() - t.getTime() + 30 * 86_400_000)
          )
      )
      expect([context, iso(now), due <= now]).toEqual([
        context,
        iso(now),
        t < cal.dueCutoff(now, n),
      ])
    }
  })
})
