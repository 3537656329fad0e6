import { parseOptions } from "../../options"
import { calendarSettingsFor } from "../calendar/for-currency"

const accounts = [
  {
    bank_bin: "970436",
    account_number: "0071000123456",
    account_holder: "CONG TY TNHH DEMO",
  },
]

describe("the business calendar of an order's currency", () => {
  it("a Vietnamese shop: every currency counts in its calendar unless one is given", () => {
    const o = parseOptions({
      accounts,
      calendars: { eur: { country: "DE", time_zone: "Europe/Berlin" } },
    })
    expect(calendarSettingsFor(o, "VND")).toBe(o.calendar)
    expect(calendarSettingsFor(o, "EUR")).toEqual({
      country: "DE",
      time_zone: "Europe/Berlin",
      weekend_days: [6, 0],
    })
    expect(calendarSettingsFor(o, "USD")).toBe(o.calendar)
  })

  it("a German shop selling in VND: VND orders count in Vietnam's calendar, EUR in the shop's", () => {
    const o = parseOptions({
      accounts,
      calendar: { country: "DE", time_zone: "Europe/Berlin" },
    })
    expect(calendarSettingsFor(o, "vnd")).toMatchObject({
      country: "VN",
      time_zone: "Asia/Ho_Chi_Minh",
    })
    expect(calendarSettingsFor(o, "EUR")).toBe(o.calendar)
  })
})
