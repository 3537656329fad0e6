/**
 * Candidates for a match by hand: the matcher's evidence, the payer's name, the amount and the
 * date, ranked; every rule here is what an accountant sees as the order of the list.
 */
import { extractIdentifiers } from "../memo"
import {
  daysBetween,
  rankCandidates,
  type CandidateExpectation,
} from "../rank-candidates"
import { handSearch, likePattern } from "../hand-search"
import type { IncomingTransaction, MatchConfig } from "../types"

const config: MatchConfig = {
  prefixes: ["DH"],
  tolerances: { VND: { type: "fixed", amount: 50_000n } },
  defaultTolerance: { type: "fixed", amount: 0n },
  allowAutomaticPartials: true,
  amountOnlyWindowDays: 7,
  timeZone: "Asia/Ho_Chi_Minh",
}
const BOOKED = new Date("2025-03-05T10:00:00+07:00")
const placed = (day: string) => new Date(`2025-03-${day}T09:00:00+07:00`)

let n = 0
const order = (e: Partial<CandidateExpectation> = {}): CandidateExpectation => {
  n++
  return {
    id: `e${n}`,
    reference: `DH${1000 + n}X`,
    order_number: String(1000 + n),
    currency_code: "VND",
    amount_remaining: 2_430_000n,
    created_at: placed("05"),
    ...e,
  }
}
const tx = (
  memo: string,
  extra: Partial<IncomingTransaction> = {}
): IncomingTransaction => ({
  id: "t1",
  amount: 2_430_000n,
  currency_code: "VND",
  direction: "in",
  memo,
  booked_at: BOOKED,
  counterparty_name: null,
  ...extra,
})
const rank = (
  t: IncomingTransaction,
  list: CandidateExpectation[],
  rejected?: Set<string>
) =>
  rankCandidates(
    t,
    extractIdentifiers(t.memo, { prefixes: ["DH"] }),
    list,
    config,
    rejected
  )
const codes = (r: { reasons: { code: string }[] }) =>
  r.reasons.map((x) => x.code)

describe("rankCandidates", () => {
  it("puts the order whose buyer's name is the payer's above others of the same amount", () => {
    const others = [order(), order(), order()]
    const bich = order({ customer_name_key: "TRAN THI BICH" })
    const ranked = rank(
      tx("chuyen tien", { counterparty_name: "Trần Thị Bích" }),
      [...others, bich]
    )
    expect(ranked[0]).toMatchObject({ expectation_id: bich.id, score: 70 })
    expect(codes(ranked[0])).toEqual([
      "payer_name_matches",
      "amount_equal",
      "placed_recently",
    ])
    expect(ranked.slice(1).map((r) => r.score)).toEqual([30, 30, 30])
    // Ties keep a stable order (by id), so that pages do not shuffle.
    expect(ranked.slice(1).map((r) => r.expectation_id)).toEqual(
      others.map((o) => o.id).sort()
    )
  })

  it("a name only like the buyer's counts less; one word in common is no evidence", () => {
    const near = order({ customer_name_key: "NGUYEN VAN THANH" })
    const other = order({ customer_name_key: "NGUYEN THI BINH" })
    const ranked = rank(tx("ck", { counterparty_name: "NGUYEN VAN THANG" }), [
      other,
      near,
    ])
    expect(ranked[0].expectation_id).toBe(near.id)
    expect(ranked[0].reasons[0]).toMatchObject({
      code: "payer_name_matches",
      params: { similarity: "97" },
    })
    expect(ranked[0].score).toBe(30 + 40 - 2)
    expect(codes(ranked[1])).not.toContain("payer_name_matches")
  })

  it("uses the matcher's own evidence: tax code or phone in the memo, the reference, the order number", () => {
    const plain = order()
    const tax = order({ tax_code: "0312345678" })
    const phone = order({ phone: "0987000002" })
    const ref = order()
    expect(rank(tx("MST 0312345678"), [plain, tax])[0]).toMatchObject({
      expectation_id: tax.id,
      score: 100,
    })
    const byPhone = rank(tx("ck 0987 000 002"), [plain, phone])
    expect(byPhone[0].expectation_id).toBe(phone.id)
    expect(codes(byPhone[0])).toEqual([
      "phone_matches",
      "amount_equal",
      "placed_recently",
    ])
    const byRef = rank(tx(`thanh toan ${ref.reference}`), [plain, ref])
    expect(byRef[0].expectation_id).toBe(ref.id)
    expect(byRef[0].reasons[0].code).toMatch(/^reference_/)
  })

  it("scores the amount: exact, within the tolerance (less), beyond it (nothing, but said)", () => {
    const exact = order()
    const within = order({ amount_remaining: 2_450_000n })
    const beyond = order({ amount_remaining: 3_000_000n })
    const ranked = rank(tx("x"), [beyond, within, exact])
    expect(ranked.map((r) => [r.expectation_id, r.score])).toEqual([
      [exact.id, 30],
      // 25 − 3 − ⌊12·20,000/50,000⌋ = 18, plus 5 for the day
      [within.id, 23],
      [beyond.id, 5],
    ])
    expect(ranked[1].reasons[0]).toMatchObject({
      code: "amount_within_tolerance",
      params: { difference: "20000", tolerance: "50000" },
    })
    expect(ranked[2].reasons[0]).toMatchObject({
      code: "amount_less",
      params: { difference: "570000" },
    })
  })

  it("prefers orders placed closer to the booking; an order placed after it, or rejected, is last with its reason", () => {
    const today = order()
    const older = order({ created_at: placed("02") })
    const old = order({ created_at: new Date("2025-02-01T09:00:00+07:00") })
    const later = order({ created_at: new Date("2025-03-06T09:00:00+07:00") })
    const rejected = order()
    const ranked = rank(
      tx("x"),
      [later, old, rejected, older, today],
      new Set([rejected.id])
    )
    expect(ranked.map((r) => [r.expectation_id, r.score])).toEqual([
      [today.id, 30],
      [older.id, 27],
      [old.id, 25],
      [rejected.id, 0],
      [later.id, 0],
    ])
    expect(ranked[1].reasons[1]).toMatchObject({
      code: "placed_recently",
      params: { days: "3" },
    })
    expect(codes(ranked[3])).toContain("rejected_before")
    expect(codes(ranked[4])).toContain("placed_after_booking")
  })

  it("leaves out other currencies, orders with nothing due and repeats", () => {
    const a = order()
    const ranked = rank(tx("x"), [
      a,
      a,
      order({ currency_code: "USD" }),
      order({ amount_remaining: 0n }),
    ])
    expect(ranked.map((r) => r.expectation_id)).toEqual([a.id])
  })

  it("counts days by the shop's calendar", () => {
    const tz = "Asia/Ho_Chi_Minh"
    expect(
      daysBetween(
        new Date("2025-03-04T23:30:00+07:00"),
        new Date("2025-03-05T00:10:00+07:00"),
        tz
      )
    ).toBe(1)
    expect(daysBetween(placed("05"), BOOKED, tz)).toBe(0)
    expect(daysBetween(placed("06"), BOOKED, tz)).toBe(-1)
  })
})

describe("handSearch", () => {
  it("reads names without diacritics, order numbers, references and phones", () => {
    expect(handSearch("  ")).toBeNull()
    expect(handSearch("Võ Văn Em")).toMatchObject({
      email: "%Võ Văn Em%",
      name_key: "%VO VAN EM%",
      order_number: null,
      phone: null,
      phone_digits: null,
    })
    expect(handSearch("#01042")).toMatchObject({
      order_number: "1042",
      phone: null,
      phone_digits: null,
    })
    expect(handSearch("7000003")).toMatchObject({
      order_number: "7000003",
      phone_digits: "%7000003%",
    })
    expect(handSearch("0912 345 678")).toMatchObject({ phone: "0912345678" })
    expect(handSearch("dh1042k")).toMatchObject({ reference: "DH1042K" })
    expect(likePattern("50%_off\\")).toBe("%50\\%\\_off\\\\%")
  })
})
