import type { BusinessDayCutoff } from "../escalate/policy"

/**
 * How long open orders have waited for their money, in business days since the order was placed
 * (the escalation calendar's count: the day of placing never counts, see BusinessCalendar). The
 * last bucket starts after the default tentative cancel (5 business days): orders there are on hold
 * or about to be.
 */
export const AGE_BUCKETS = [
  { key: "0_1", min_days: 0, max_days: 1 },
  { key: "2_3", min_days: 2, max_days: 3 },
  { key: "4_5", min_days: 4, max_days: 5 },
  { key: "over_5", min_days: 6, max_days: null },
] as const satisfies readonly AgeBucket[]

export type AgeBucket = {
  key: string
  /** Smallest age in the bucket, in whole business days. */
  min_days: number
  /** Largest age in the bucket, null for no end. */
  max_days: number | null
}

export type AgeBucketKey = (typeof AGE_BUCKETS)[number]["key"]

/** A bucket as a range of placement instants at `now`: placed_from ≤ placed_at < placed_before. */
export type AgeBucketRange = AgeBucket & {
  /** Inclusive; null for no lower bound (the oldest bucket). */
  placed_from: Date | null
  /** Exclusive; null for no upper bound (the newest bucket). */
  placed_before: Date | null
}

/**
 * The buckets as placement ranges at `now`, so that one indexed SQL query can count and sum them
 * instead of computing an age per order. Uses the calendar's `dueCutoff(now, n)`: an order is at
 * least n business days old exactly when placed before it.
 */
export function ageBucketRanges(
  calendar: BusinessDayCutoff,
  now: Date,
  buckets: readonly AgeBucket[] = AGE_BUCKETS
): AgeBucketRange[] {
  return buckets.map((b) => ({
    ...b,
    placed_from:
      b.max_days === null ? null : calendar.dueCutoff(now, b.max_days + 1),
    placed_before:
      b.min_days === 0 ? null : calendar.dueCutoff(now, b.min_days),
  }))
}

/** The bucket of an age in business days (the same rule as the ranges, for one order). */
export function ageBucketOf(
  businessDays: number,
  buckets: readonly AgeBucket[] = AGE_BUCKETS
): string {
  const found = buckets.find(
    (b) =>
      businessDays >= b.min_days &&
      (b.max_days === null || businessDays <= b.max_days)
  )
  if (!found) {
    throw new Error(`No age bucket holds ${businessDays} business days`)
  }
  return found.key
}
