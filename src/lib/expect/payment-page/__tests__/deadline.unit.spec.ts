import { lastDayToPay } from "../deadline"

describe("lastDayToPay", () => {
  // 00:00 on 9 December 2026 in Vietnam (UTC+7) is 17:00 UTC on 8 December.
  const dueAt = "2026-12-08T17:00:00.000Z"

  it("shows the day before the hold starts, in the shop's time zone (vi)", () => {
    const d = lastDayToPay(dueAt, "Asia/Ho_Chi_Minh", "vi")
    expect(d.iso).toBe("2026-12-08")
    expect(d.date).toContain("8/12/2026")
    expect(d.holdDay).toBe("9/12")
  })

  it("shows the day before the hold starts, in the shop's time zone (en)", () => {
    const d = lastDayToPay(new Date(dueAt), "Asia/Ho_Chi_Minh", "en")
    expect(d.iso).toBe("2026-12-08")
    expect(d.date).toBe("Tuesday, 8 December 2026")
    expect(d.holdDay).toBe("9 December")
  })

  it("uses the given time zone, not the server's", () => {
    // Midnight in Berlin (UTC+1 in December): the last day there is 8 December too.
    const d = lastDayToPay("2026-12-08T23:00:00.000Z", "Europe/Berlin", "en")
    expect(d.iso).toBe("2026-12-08")
    // The same instant in Vietnam is 06:00 on 9 December: still payable that day.
    expect(
      lastDayToPay("2026-12-08T23:00:00.000Z", "Asia/Ho_Chi_Minh", "en").iso
    ).toBe("2026-12-09")
  })
})
