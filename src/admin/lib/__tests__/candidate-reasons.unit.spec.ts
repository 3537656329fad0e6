import { rankCandidates } from "../../../lib/match/rank-candidates"
import { extractIdentifiers } from "../../../lib/match/memo"
import { reasonText } from "../reasons"
import { translator } from "./translate"

const vi = translator("vi")
const en = translator("en")

/** The reasons of a match-by-hand candidate, as the ranking writes them, in both languages. */
describe("candidate reasons in the admin's language", () => {
  const booked = new Date("2025-03-05T10:00:00+07:00")
  const [top, later] = rankCandidates(
    {
      id: "t",
      amount: 2_430_000n,
      currency_code: "VND",
      direction: "in",
      memo: "chuyen tien",
      booked_at: booked,
      counterparty_name: "TRAN THI BICH",
    },
    extractIdentifiers("chuyen tien", { prefixes: ["DH"] }),
    [
      {
        id: "e1",
        reference: "DH1X",
        order_number: "1",
        currency_code: "VND",
        amount_remaining: 2_430_000n,
        created_at: new Date("2025-03-03T09:00:00+07:00"),
        customer_name_key: "TRAN THI BICH",
      },
      {
        id: "e2",
        reference: "DH2X",
        order_number: "2",
        currency_code: "VND",
        amount_remaining: 2_430_000n,
        created_at: new Date("2025-03-06T09:00:00+07:00"),
      },
    ],
    {
      prefixes: ["DH"],
      tolerances: {},
      defaultTolerance: { type: "fixed", amount: 0n },
      allowAutomaticPartials: true,
      amountOnlyWindowDays: 7,
    }
  )

  it("names the payer, the days before the booking, and why an order cannot be paid", () => {
    expect(top.reasons.map((r) => reasonText(r, vi, "vi"))).toEqual([
      "tên người chuyển trùng tên người mua (TRAN THI BICH)",
      expect.stringContaining("số tiền bằng đúng"),
      "đặt 2 ngày trước khi nhận tiền",
    ])
    expect(top.reasons.map((r) => reasonText(r, en, "en"))).toEqual([
      "the payer's name is the buyer's (TRAN THI BICH)",
      expect.stringContaining("amount equals"),
      "placed 2 days before the money was booked",
    ])
    expect(reasonText(later.reasons.at(-1)!, vi, "vi")).toBe(
      "đặt sau ngày nhận tiền: giao dịch này không thể trả cho đơn"
    )
    expect(
      reasonText(
        { code: "placed_recently", message: "x", params: { days: "1" } },
        en,
        "en"
      )
    ).toBe("placed 1 day before the money was booked")
  })
})
