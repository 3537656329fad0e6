import Holidays from "date-holidays"
import type { HolidaysTypes } from "date-holidays"
import {
  addDays,
  dayOfWeek,
  DAY_MS,
  LocalDate,
  parseLocalDate,
  ZoneClock,
} from "./local-date"
import { VN_OVERRIDES } from "./vn-overrides"

export type { LocalDate } from "./local-date"

/** A merchant's correction to the base calendar. Overrides are the authority. */
export interface CalendarOverride {
  date: LocalDate
  /** "day_off" adds a day off; "working_day" makes a weekend day or holiday a business day. */
  kind: "day_off" | "working_day"
  name?: string
}

export interface BusinessCalendarOptions {
  /** IANA zone in which days start and end. */
  timeZone?: string
  /** Days of the week that are never business days, as Date#getDay numbers (0 = Sunday). */
  weekendDays?: number[]
  /** Base holidays from date-holidays; null for none (only overrides). */
  country?: string | null
  state?: string
  region?: string
  /** Language of holiday names (date-holidays' default for the country when omitted). */
  language?: string
  /** date-holidays types that close the business; "public" only by default. */
  holidayTypes?: HolidaysTypes.HolidayType[]
  /** Apply the shipped overrides for the country (VN_OVERRIDES for "VN"). Default true. */
  useDefaultOverrides?: boolean
  /** The merchant's overrides, applied after the defaults (a later entry for a date wins). */
  overrides?: CalendarOverride[]
}

/** Shipped, editable corrections to date-holidays per country. */
export const DEFAULT_OVERRIDES: Readonly<
  Record<string, readonly CalendarOverride[]>
> = {
  VN: VN_OVERRIDES,
}

/**
 * Business days in a merchant's time zone: not a weekend day, not a holiday, unless an override
 * says otherwise.
 *
 * Day counting (used for reminders and cancellation):
 * - The day the clock starts (the local day of `instant`) never counts: it is already partly gone.
 * - `addBusinessDays(t, n)` (n ≥ 1) is 00:00 local time at the start of the day after the n-th
 *   business day following t's local day. An order placed Friday 15:00 with n = 2 is due at the
 *   start of Wednesday (Monday and Tuesday were the two full business days). Placed on a weekend
 *   or holiday, counting simply starts at the next business day. n = 0 returns t itself.
 * - `businessDaysBetween(from, to)` counts business days D with localDate(from) < D < localDate(to),
 *   i.e. business days after from's day that had fully ended by `to` (0 if to ≤ from). Hence
 *   businessDaysBetween(t, addBusinessDays(t, n)) === n, and it is < n at any earlier instant.
 * - `dueCutoff(now, n)` is the inverse for batch jobs: addBusinessDays(t, n) <= now ⇔ t < cutoff.
 */
export class BusinessCalendar {
  readonly timeZone: string
  readonly weekendDays: ReadonlySet<number>
  private readonly clock: ZoneClock
  private readonly base: BaseHolidays | null
  private readonly overrides = new Map<LocalDate, CalendarOverride>()
  /** "local day|n" → addBusinessDays' answer (ms). */
  private readonly deadlines = new Map<string, number>()

  constructor(options: BusinessCalendarOptions = {}) {
    const {
      timeZone = "Asia/Ho_Chi_Minh",
      weekendDays = [6, 0],
      country = "VN",
      holidayTypes = ["public"],
      useDefaultOverrides = true,
      overrides = [],
    } = options
    this.clock = new ZoneClock(timeZone) // throws on an unknown zone
    this.timeZone = timeZone
    if (!weekendDays.every((d) => Number.isInteger(d) && d >= 0 && d <= 6)) {
      throw new RangeError(
        `weekendDays must be numbers 0-6 (0 = Sunday): ${JSON.stringify(weekendDays)}`
      )
    }
    this.weekendDays = new Set(weekendDays)
    this.base = country
      ? baseHolidaysFor(
          country,
          options.state,
          options.region,
          options.language,
          holidayTypes
        )
      : null

    const defaults =
      (useDefaultOverrides &&
        country &&
        DEFAULT_OVERRIDES[country.toUpperCase()]) ||
      []
    for (const o of [...defaults, ...overrides]) {
      parseLocalDate(o.date)
      if (o.kind !== "day_off" && o.kind !== "working_day") {
        throw new RangeError(
          `Override ${o.date}: kind must be "day_off" or "working_day"`
        )
      }
      this.overrides.set(o.date, o)
    }
  }

  /** The calendar date of an instant in this calendar's time zone. */
  localDate(instant: Date): LocalDate {
    return this.clock.localDate(instant)
  }

  /** The instant a local day begins (00:00 local, with the offset in force then). */
  startOfDay(date: LocalDate): Date {
    return this.clock.startOfDay(date)
  }

  isBusinessDay(date: LocalDate): boolean {
    const override = this.overrides.get(date)
    if (override) {
      return override.kind === "working_day"
    }
    return (
      !this.weekendDays.has(dayOfWeek(date)) &&
      !this.baseHolidays(year(date)).has(date)
    )
  }

  /**
   * Why a date is a holiday: the override's name for a "day_off" override, else the base
   * holiday's name. null when it is no holiday, or a "working_day" override cancels it.
   * Plain weekends are not holidays.
   */
  holidayName(date: LocalDate): string | null {
    const override = this.overrides.get(date)
    if (override) {
      return override.kind === "day_off" ? (override.name ?? "Day off") : null
    }
    return this.baseHolidays(year(date)).get(date) ?? null
  }

  /** See the class comment for the exact semantics. */
  addBusinessDays(instant: Date, n: number): Date {
    assertCount(n)
    if (n === 0) {
      return new Date(validTime(instant))
    }
    // Depends only on the local day and n: a job planning 100,000 orders placed over a few weeks
    // computes each deadline once. Bounded, since a long-running server sees ever new days.
    const key = `${this.localDate(instant)}|${n}`
    let due = this.deadlines.get(key)
    if (due === undefined) {
      due = this.startOfDay(
        addDays(this.nthBusinessDay(this.localDate(instant), n, 1), 1)
      ).getTime()
      if (this.deadlines.size >= 10_000) {
        this.deadlines.clear()
      }
      this.deadlines.set(key, due)
    }
    return new Date(due)
  }

  /**
   * The inverse of addBusinessDays for a batch job: the instant C such that, for every t,
   * addBusinessDays(t, n) <= now  ⇔  t < C. So "orders placed before C are due" becomes one
   * indexed range query instead of a computation per order.
   */
  dueCutoff(now: Date, n: number): Date {
    assertCount(n)
    if (n === 0) {
      return new Date(validTime(now) + 1)
    }
    // t qualifies iff n business days lie strictly between t's day and now's day, i.e. iff t's
    // day is before the n-th business day counted back from the day before now's.
    const nth = this.nthBusinessDay(this.localDate(now), n, -1)
    return this.startOfDay(nth)
  }

  /** Full business days elapsed between two instants; see the class comment. */
  businessDaysBetween(from: Date, to: Date): number {
    const last = this.localDate(to)
    let count = 0
    for (
      let day = addDays(this.localDate(from), 1);
      day < last;
      day = addDays(day, 1)
    ) {
      if (this.isBusinessDay(day)) {
        count++
      }
    }
    return count
  }

  /** The n-th business day after (step 1) or before (step -1) `from`, `from` excluded. */
  private nthBusinessDay(from: LocalDate, n: number, step: 1 | -1): LocalDate {
    let day = from
    let idle = 0
    for (let counted = 0; counted < n;) {
      day = addDays(day, step)
      if (this.isBusinessDay(day)) {
        counted++
        idle = 0
      } else if (++idle > 3660) {
        throw new Error(
          "No business day within 10 years: check weekendDays and overrides"
        )
      }
    }
    return day
  }

  /** date-holidays' days off in a year, before overrides (empty without a country). */
  baseHolidays(y: number): ReadonlyMap<LocalDate, string> {
    return this.base?.year(y) ?? NO_HOLIDAYS
  }
}

/**
 * date-holidays for one configuration, with its days off cached per year. Shared by every
 * calendar in the process: computing a year of lunar dates takes tens of milliseconds, and a job
 * may build a calendar per run.
 */
class BaseHolidays {
  private readonly years = new Map<number, ReadonlyMap<LocalDate, string>>()

  constructor(
    private readonly holidays: Holidays,
    private readonly types: ReadonlySet<string>,
    private readonly language?: string
  ) {}

  /** Every day of multi-day holidays (date-holidays gives the 5-day Tết block as one entry). */
  year(y: number): ReadonlyMap<LocalDate, string> {
    let days = this.years.get(y)
    if (days) {
      return days
    }
    // A span starting late in the previous year can run into this one, so read both years.
    const entries = [
      ...this.holidays.getHolidays(y - 1, this.language),
      ...this.holidays.getHolidays(y, this.language),
    ]
      .filter((h) => this.types.has(h.type))
      .map((h) => ({
        first: h.date.slice(0, 10),
        span: spanDays(h),
        name: h.name,
      }))
      // Longest spans first, so a one-day holiday inside a block (Tết's first day inside the Tết
      // block) keeps its own name.
      .sort((a, b) => b.span - a.span)
    const map = new Map<LocalDate, string>()
    for (const h of entries) {
      for (let i = 0; i < h.span; i++) {
        const date = addDays(h.first, i)
        if (year(date) === y) {
          map.set(date, h.name)
        }
      }
    }
    days = map
    this.years.set(y, days)
    return days
  }
}

const NO_HOLIDAYS: ReadonlyMap<LocalDate, string> = new Map()
const baseCache = new Map<string, BaseHolidays>()

function baseHolidaysFor(
  country: string,
  state: string | undefined,
  region: string | undefined,
  language: string | undefined,
  types: HolidaysTypes.HolidayType[]
): BaseHolidays {
  const code = country.toUpperCase()
  const key = JSON.stringify([
    code,
    state ?? "",
    region ?? "",
    language ?? "",
    [...types].sort(),
  ])
  let base = baseCache.get(key)
  if (!base) {
    // date-holidays silently returns no holidays for an unknown country; fail loudly instead.
    if (!(code in new Holidays().getCountries())) {
      throw new RangeError(
        `date-holidays does not know the country ${JSON.stringify(country)}`
      )
    }
    const opts = language ? { languages: [language] } : {}
    base = new BaseHolidays(
      new Holidays(code, state ?? "", region ?? "", opts),
      new Set(types),
      language
    )
    baseCache.set(key, base)
  }
  return base
}

function assertCount(n: number): void {
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`Business days must be a whole number ≥ 0, got ${n}`)
  }
}

function validTime(d: Date): number {
  const t = d.getTime()
  if (Number.isNaN(t)) {
    throw new RangeError("Invalid Date")
  }
  return t
}

function year(date: LocalDate): number {
  return Number(date.slice(0, 4))
}

/** Whole days a holiday covers (a part day, e.g. from 14:00, closes the whole day). */
function spanDays(h: HolidaysTypes.Holiday): number {
  return Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / DAY_MS))
}
