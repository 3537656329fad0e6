import {
  DUPLICATE_WINDOW_MS,
  isSameConfirmation,
} from "../confirmation-duplicate"

describe("isSameConfirmation", () => {
  const now = Date.parse("2026-12-01T03:00:00Z")
  const content = Buffer.from("%PDF-1.4 proof").toString("base64")
  const next = {
    message: "Đã chuyển",
    paid_on: "2026-12-01",
    amount: "1280000",
    channel: "payment_page",
    files: [{ filename: "proof.pdf", content }],
  }
  const stored = {
    created_at: new Date(now - 2000).toISOString(),
    message: "Đã chuyển",
    paid_on: "2026-12-01",
    amount: 1280000,
    raw_amount: { value: "1280000" },
    channel: "payment_page",
    files: [
      {
        filename: "proof.pdf",
        size: Math.floor((content.length * 3) / 4),
      },
    ],
  }

  it("is the same confirmation sent twice (a double click)", () => {
    expect(isSameConfirmation(stored, next, "VND", now)).toBe(true)
  })

  it.each([
    ["another message", { message: "x" }],
    ["another amount", { amount: "1280001" }],
    ["no amount", { amount: null }],
    ["another date", { paid_on: null }],
    ["another channel", { channel: "store" }],
    ["no file", { files: [] }],
  ])("differs with %s", (_, change) => {
    expect(isSameConfirmation(stored, { ...next, ...change }, "VND", now)).toBe(
      false
    )
  })

  it("is a new confirmation after the window", () => {
    expect(
      isSameConfirmation(
        { ...stored, created_at: new Date(now - DUPLICATE_WINDOW_MS - 1) },
        next,
        "VND",
        now
      )
    ).toBe(false)
  })
})
