/**
 * Calendar dates ("YYYY-MM-DD") and their relation to instants in an IANA time zone, using only
 * Intl (no tz library). Business days are calendar dates in the merchant's zone, so all day
 * arithmetic happens on these strings, and only the final deadline is turned back into an instant.
 */

/** A calendar date, "YYYY-MM-DD". Strings of this shape compare correctly with < and >. */
export type LocalDate = string

export const DAY_MS = 86_400_000
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Parses "YYYY-MM-DD", rejecting impossible dates such as 2025-02-30. */
export function parseLocalDate(date: LocalDate): [number, number, number] {
  const m = LOCAL_DATE.exec(date)
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
    // Date.UTC rolls 2025-02-30 over to March: the date is real when nothing rolled over.
    const day = new Date(Date.UTC(y, mo - 1, d))
    if (
      day.getUTCFullYear() === y &&
      day.getUTCMonth() === mo - 1 &&
      day.getUTCDate() === d
    ) {
      return [y, mo, d]
    }
  }
  throw new RangeError(
    `Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`
  )
}

function formatUtcDate(ms: number): LocalDate {
  return new Date(ms).toISOString().slice(0, 10)
}

/** Pure calendar arithmetic: the zone plays no part in "the day after 2025-01-31". */
export function addDays(date: LocalDate, days: number): LocalDate {
  const [y, m, d] = parseLocalDate(date)
  return formatUtcDate(Date.UTC(y, m - 1, d + days))
}

/** 0 = Sunday … 6 = Saturday, like Date#getDay. */
export function dayOfWeek(date: LocalDate): number {
  const [y, m, d] = parseLocalDate(date)
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay()
}

/** Every real UTC offset change happens on a quarter hour, so offsets are cached per quarter hour. */
const QUARTER_HOUR_MS = 900_000

/**
 * Reads wall-clock time in one zone. One formatter per zone (creating Intl formatters is the
 * expensive part), and offsets cached per quarter hour: the escalation job asks for the local
 * dates of 100,000 orders, and formatToParts for each would cost more than the rest of the job.
 */
export class ZoneClock {
  private readonly fmt: Intl.DateTimeFormat
  /** quarter-hour index → the zone's offset throughout it, or null when it changes within it. */
  private readonly offsets = new Map<number, number | null>()

  /** Throws RangeError for an unknown time zone, so a typo fails at start-up. */
  constructor(readonly timeZone: string) {
    this.fmt = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23", // "h23", not hour12:false, which renders midnight as "24" on some ICU versions
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
  }

  /** The offset read from the formatter: wall-clock fields (seconds precision) minus the instant. */
  private formattedOffset(ms: number): number {
    const f: Record<string, number> = {}
    for (const p of this.fmt.formatToParts(new Date(ms))) {
      if (p.type !== "literal") {
        f[p.type] = Number(p.value)
      }
    }
    return (
      Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second) -
      Math.floor(ms / 1000) * 1000
    )
  }

  /** Offset of the zone from UTC at an instant, in ms (Asia/Ho_Chi_Minh: +7h). */
  offsetMs(ms: number): number {
    if (!Number.isFinite(ms)) {
      throw new RangeError("Invalid Date")
    }
    const quarter = Math.floor(ms / QUARTER_HOUR_MS)
    let offset = this.offsets.get(quarter)
    if (offset === undefined) {
      // Same offset at both ends: the same throughout (offsets never change twice in 15 minutes).
      const start = quarter * QUARTER_HOUR_MS
      const first = this.formattedOffset(start)
      offset =
        first === this.formattedOffset(start + QUARTER_HOUR_MS - 1)
          ? first
          : null
      if (this.offsets.size >= 50_000) {
        this.offsets.clear()
      }
      this.offsets.set(quarter, offset)
    }
    return offset ?? this.formattedOffset(ms)
  }

  /** Wall-clock fields of an instant in this zone (seconds precision). */
  private wall(ms: number): { y: number; mo: number; d: number } {
    const local = new Date(Math.floor(ms / 1000) * 1000 + this.offsetMs(ms))
    return {
      y: local.getUTCFullYear(),
      mo: local.getUTCMonth() + 1,
      d: local.getUTCDate(),
    }
  }

  localDate(instant: Date | number): LocalDate {
    const w = this.wall(+instant)
    return `${String(w.y).padStart(4, "0")}-${String(w.mo).padStart(2, "0")}-${String(w.d).padStart(2, "0")}`
  }

  /**
   * The first instant whose local date is `date` or later: normally local 00:00, converted with
   * the offset in force at that moment (not the offset "now"). Where midnight does not exist
   * (a DST gap at 00:00, e.g. America/Santiago in September) it is the instant the day begins.
   */
  startOfDay(date: LocalDate): Date {
    const [y, m, d] = parseLocalDate(date)
    const wallMidnight = Date.UTC(y, m - 1, d)
    // Two passes: guess with the offset at the UTC midnight, then correct with the offset at the guess.
    let t = wallMidnight - this.offsetMs(wallMidnight)
    t = wallMidnight - this.offsetMs(t)
    if (this.isStartOf(t, date)) {
      return new Date(t)
    }
    // Rare (midnight in a DST gap): local dates never go backwards as time moves on, so binary
    // search between instants certainly before and certainly after (UTC offsets are within ±14h).
    let lo = wallMidnight - 36 * 3_600_000
    let hi = wallMidnight + 36 * 3_600_000
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2)
      if (this.localDate(mid) >= date) {
        hi = mid
      } else {
        lo = mid
      }
    }
    return new Date(hi)
  }

  private isStartOf(t: number, date: LocalDate): boolean {
    return this.localDate(t) >= date && this.localDate(t - 1) < date
  }
}
