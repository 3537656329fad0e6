/**
 * The last day to pay, as the shopper reads it. `due_at` is the instant the order goes on hold:
 * 00:00 on day D in the shop's time zone, so the last day to pay is D−1 ("by 8/12", i.e. before
 * 00:00 on 9/12). Computed with Intl in `timeZone` (the calendar's), never with a fixed offset.
 */
export function lastDayToPay(
  dueAt: string | Date,
  timeZone: string,
  lang: "vi" | "en"
): { date: string; iso: string; holdDay: string } {
  const lastMoment = new Date(new Date(dueAt).getTime() - 1)
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(lastMoment)
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? ""
  const date =
    lang === "vi"
      ? new Intl.DateTimeFormat("vi-VN", {
          timeZone,
          weekday: "long",
          day: "numeric",
          month: "numeric",
          year: "numeric",
        }).format(lastMoment)
      : new Intl.DateTimeFormat("en-GB", {
          timeZone,
          weekday: "long",
          day: "numeric",
          month: "long",
          year: "numeric",
        }).format(lastMoment)
  // The day the hold starts, short: "9/12" (vi), "9 December" (en).
  const holdDay = new Intl.DateTimeFormat(lang === "vi" ? "vi-VN" : "en-GB", {
    timeZone,
    day: "numeric",
    month: lang === "vi" ? "numeric" : "long",
  }).format(new Date(dueAt))
  return { date, iso: `${get("year")}-${get("month")}-${get("day")}`, holdDay }
}
