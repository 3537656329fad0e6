import type { CalendarOverride } from "./business-calendar"

/**
 * What a Vietnamese shop needs on top of `date-holidays` (3.37, country VN, type "public").
 *
 * date-holidays knows the Labor Code's fixed days (1/1, 30/4, 1/5, 2/9), Hùng Kings (10/3 lunar)
 * and a 5-day Tết block starting on Lunar New Year's Eve. It does not know:
 * - the second National Day day (Labor Code 2019, since 2021): 2/9 plus 1/9 or 3/9, chosen yearly;
 * - the Tết span decided each year (the block often starts on the 29th of the 12th lunar month
 *   or runs to a 5th day, e.g. 2025-01-27, 2024-02-08 + 02-14);
 * - compensatory days when a holiday falls on a weekend (2026-04-27, 2027-05-03);
 * - swapped days from government decisions (2024-04-29 off, paid back by working Saturday 2024-05-04).
 *
 * Derived by comparing date-holidays with the python `holidays` project's Vietnam data
 * (copy in __tests__/fixtures/vn-public-holidays-2024-2027.json): with these, the calendar's days off
 * for 2024–2027 equal that list exactly. This is DATA, not law: each year the government may
 * decide differently (e.g. extra swaps for the public sector). A merchant edits it through the
 * calendar's `overrides` option (their entries win over these) or turns it off with
 * `useDefaultOverrides: false`. Add the next year's days when its decision is published.
 */
export const VN_OVERRIDES: readonly CalendarOverride[] = [
  // 2024
  { date: "2024-02-08", kind: "day_off", name: "29 of Lunar New Year" },
  { date: "2024-02-14", kind: "day_off", name: "Fifth Day of Lunar New Year" },
  {
    date: "2024-04-29",
    kind: "day_off",
    name: "Day off (substituted from 2024-05-04)",
  },
  {
    date: "2024-05-04",
    kind: "working_day",
    name: "Saturday worked in exchange for 2024-04-29",
  },
  { date: "2024-09-03", kind: "day_off", name: "National Day (second day)" },
  // 2025
  { date: "2025-01-27", kind: "day_off", name: "29 of Lunar New Year" },
  { date: "2025-09-01", kind: "day_off", name: "National Day (second day)" },
  // 2026 (Hùng Kings falls on Sunday 2026-04-26)
  {
    date: "2026-04-27",
    kind: "day_off",
    name: "Hung Kings' Commemoration Day (observed)",
  },
  { date: "2026-09-01", kind: "day_off", name: "National Day (second day)" },
  // 2027 (Labour Day falls on Saturday 2027-05-01)
  { date: "2027-02-04", kind: "day_off", name: "29 of Lunar New Year" },
  { date: "2027-02-10", kind: "day_off", name: "Fifth Day of Lunar New Year" },
  {
    date: "2027-05-03",
    kind: "day_off",
    name: "International Labor Day (observed)",
  },
  { date: "2027-09-03", kind: "day_off", name: "National Day (second day)" },
]
