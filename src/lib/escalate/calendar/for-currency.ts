import type { BankTransferOptions } from "../../options"

/** Vietnam's calendar: where VND is paid, whatever the merchant's own calendar is. */
export const VIETNAM_CALENDAR = {
  time_zone: "Asia/Ho_Chi_Minh",
  weekend_days: [6, 0],
  country: "VN",
} as const

export type CalendarSettings = BankTransferOptions["calendar"]

/**
 * The calendar an order in `currency` counts its business days in: the one configured for that
 * currency (`calendars`), else Vietnam's for VND (unless the merchant's own calendar is
 * Vietnamese, which then serves with its overrides), else the merchant's (`calendar`).
 */
export function calendarSettingsFor(
  options: Pick<BankTransferOptions, "calendar" | "calendars">,
  currency: string
): CalendarSettings {
  const code = currency.toUpperCase()
  const own = options.calendars?.[code]
  if (own) {
    return own
  }
  if (code === "VND" && options.calendar.country !== "VN") {
    return { ...VIETNAM_CALENDAR, weekend_days: [6, 0] }
  }
  return options.calendar
}

/** Whether `settings` is the merchant's own calendar, the one the admin's day overrides apply to. */
export function isMerchantCalendar(
  options: Pick<BankTransferOptions, "calendar">,
  settings: CalendarSettings
) {
  return settings === options.calendar
}
