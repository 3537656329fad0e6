import { formatDateTime, formatShortDateTime } from "../dates"
import { basisLabel, sourceLabel } from "../status"

describe("dates", () => {
  const instant = "2026-11-30T02:15:00.000Z" // 09:15 in Vietnam (UTC+7)

  it("writes a short day and time in the shop's time zone", () => {
    expect(formatShortDateTime(instant, "Asia/Ho_Chi_Minh")).toBe(
      "30/11/2026 09:15"
    )
    expect(formatShortDateTime(instant, "UTC")).toBe("30/11/2026 02:15")
    expect(
      formatShortDateTime("2026-11-30T17:30:00Z", "Asia/Ho_Chi_Minh")
    ).toBe("01/12/2026 00:30")
  })

  it("falls back to the browser's zone for an unknown zone, and shows a dash for no date", () => {
    expect(formatShortDateTime(instant, "Mars/Olympus")).toMatch(
      /^\d\d\/\d\d\/2026 \d\d:\d\d$/
    )
    expect(formatShortDateTime(null, "UTC")).toBe("—")
    expect(formatShortDateTime("not a date")).toBe("—")
    expect(formatDateTime(undefined, "UTC")).toBe("—")
  })

  it("formats the page's dates in the given zone", () => {
    expect(formatDateTime(instant, "Asia/Ho_Chi_Minh")).toContain("30")
    expect(formatDateTime("2026-11-30T17:30:00Z", "Asia/Ho_Chi_Minh")).toMatch(
      /Dec|12/
    )
  })
})

describe("labels", () => {
  it("spells sources as their vendors do", () => {
    expect(sourceLabel("sepay")).toBe("SePay")
    expect(sourceLabel("casso")).toBe("Casso")
    expect(sourceLabel("generic")).toBe("Generic webhook")
    expect(sourceLabel("statement")).toBe("Statement")
    expect(sourceLabel("simulation")).toBe("Simulation")
    expect(sourceLabel("some_bank")).toBe("Some bank")
  })

  it("says why two reports were paired", () => {
    expect(basisLabel("shared_key")).toBe("Same bank reference")
    expect(basisLabel(null)).toBe("—")
  })
})
