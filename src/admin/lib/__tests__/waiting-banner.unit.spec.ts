import { waitingBanner } from "../waiting-banner"
import { formatMoney } from "../money"
import { translator } from "./translate"

const t = translator("en")

const e = {
  status: "awaiting_transfer",
  currency_code: "VND",
  amount_due: 2430000,
  amount_received: 0,
  amount_remaining: 2430000,
}

describe("waitingBanner", () => {
  it("says what is to receive and why Medusa shows Authorized", () => {
    const b = waitingBanner(e, t)!
    expect(b.title).toBe(
      `Waiting for the bank transfer — ${formatMoney(2430000)} to receive.`
    )
    expect(b.detail).toMatch(/“Authorized” until the money arrives/)
  })

  it("partially paid: received X of Y", () => {
    expect(
      waitingBanner(
        {
          ...e,
          status: "partially_paid",
          amount_received: "1215000",
          amount_remaining: "1215000",
        },
        t
      )!.title
    ).toContain(
      `received ${formatMoney(1215000)} of ${formatMoney(2430000)}, ${formatMoney(1215000)} to receive`
    )
  })

  it("needs attention shows the reason, or none when the server gives none", () => {
    const b = waitingBanner(
      {
        ...e,
        status: "needs_attention",
        attention_reason: "Medusa refused the capture",
      },
      t
    )!
    expect(b.variant).toBe("error")
    expect(b.detail).toMatch(/^Reason: Medusa refused the capture\./)
    expect(
      waitingBanner({ ...e, status: "needs_attention" }, t)!.detail
    ).not.toMatch(/Reason/)
  })

  it("nothing once paid or closed", () => {
    expect(waitingBanner({ ...e, status: "paid" }, t)).toBeNull()
    expect(waitingBanner({ ...e, status: "canceled" }, t)).toBeNull()
  })
})

describe("waitingBanner in the admin's language", () => {
  it("Vietnamese words and Vietnamese money", () => {
    const b = waitingBanner(
      { ...e, status: "customer_confirmed" },
      translator("vi"),
      "vi"
    )!
    expect(b.title.replace(/\s/g, " ")).toBe(
      "Chờ chuyển khoản — còn phải nhận 2.430.000 ₫."
    )
    expect(b.detail).toMatch(/^Khách báo đã chuyển khoản/)
  })

  it("English money the English way", () => {
    const b = waitingBanner(e, t, "en")!
    expect(b.title).toContain("₫2,430,000 to receive")
  })
})
