import { formatDateTime, formatShortDateTime } from "../dates"
import {
  actorLabel,
  basisLabel,
  expectationStatus,
  fileLocation,
  sourceLabel,
} from "../status"
import { timelineMessage } from "../timeline"
import { translator } from "./translate"

const t = translator("en")
const vi = translator("vi")

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

  it("writes dates in the admin's language, on a 24-hour clock", () => {
    expect(formatDateTime(instant, "Asia/Ho_Chi_Minh", "en")).toMatch(/Nov/)
    expect(
      formatDateTime("2026-11-30T07:41:00Z", "Asia/Ho_Chi_Minh", "en")
    ).toContain("14:41")
    expect(
      formatDateTime("2026-11-30T07:41:00Z", "Asia/Ho_Chi_Minh", "vi")
    ).toContain("14:41")
    expect(formatDateTime(instant, "Asia/Ho_Chi_Minh", "vi")).toMatch(
      /thg 11|tháng 11/
    )
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
    expect(sourceLabel("sepay", t)).toBe("SePay")
    expect(sourceLabel("casso", t)).toBe("Casso")
    expect(sourceLabel("generic", t)).toBe("Generic webhook")
    expect(sourceLabel("statement", t)).toBe("Statement")
    expect(sourceLabel("simulation", t)).toBe("Simulation")
    expect(sourceLabel("some_bank", t)).toBe("Some bank")
  })

  it("says why two reports were paired", () => {
    expect(basisLabel("shared_key", t)).toBe("Same bank reference")
    expect(basisLabel(null, t)).toBe("—")
  })
})

describe("labels in the admin's language", () => {
  it("statuses, actors and file locations in Vietnamese", () => {
    expect(expectationStatus("awaiting_transfer", vi).label).toBe(
      "Chờ chuyển khoản"
    )
    expect(expectationStatus("some_new_state", vi).label).toBe("Some new state")
    expect(actorLabel("system", t)).toBe("System")
    expect(actorLabel("admin:user_01", vi)).toBe("Quản trị viên")
    expect(sourceLabel("statement", vi)).toBe("Sao kê")
    expect(fileLocation("row 12", vi)).toBe("dòng 12")
    expect(fileLocation("line 6 (:61:)", t)).toBe("line 6 (:61:)")
    expect(fileLocation("Stmt[1]/Ntry[2]", vi)).toBe("Stmt[1]/Ntry[2]")
  })
})

describe("timeline messages", () => {
  const sp = (s: string | null) => s?.replace(/\s/g, " ")
  it("formats the raw amount of 'Awaiting' in the admin's language", () => {
    const e = {
      action: "expectation_created",
      message: 'Awaiting 1280000 VND with memo "DH1042K"',
    }
    expect(sp(timelineMessage(e, t, "en"))).toBe(
      "Awaiting ₫1,280,000 with memo “DH1042K”"
    )
    expect(sp(timelineMessage(e, vi, "vi"))).toBe(
      "Chờ nhận 1.280.000 ₫ với nội dung “DH1042K”"
    )
  })

  it("rewrites the messages it knows and formats amounts in the others", () => {
    expect(
      timelineMessage(
        { action: "suggested", message: "Suggested with score 85" },
        vi,
        "vi"
      )
    ).toBe("Được gợi ý với điểm 85")
    expect(
      timelineMessage(
        { action: "suggestion_rejected", message: "Not this transaction" },
        t,
        "en"
      )
    ).toBeNull()
    expect(
      timelineMessage(
        {
          action: "statement_committed",
          message: "sao-ke.csv: 3 new line(s), 1 unreadable line(s) left out",
        },
        t,
        "en"
      )
    ).toBe("sao-ke.csv: 3 new lines, 1 unreadable line left out")
    expect(
      sp(
        timelineMessage(
          { action: "x", message: "paid 2430000.5 USD today" },
          t,
          "en"
        )
      )
    ).toBe("paid $2,430,000.50 today")
    expect(
      timelineMessage({ action: "x", message: "order 1042 VNX" }, t, "en")
    ).toBe("order 1042 VNX")
    expect(timelineMessage({ action: "x", message: null }, t)).toBeNull()
  })
})
