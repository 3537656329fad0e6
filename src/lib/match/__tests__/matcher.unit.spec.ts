/**
 * The whole matching path on realistic memos: extract identifiers → look-up keys → indexed
 * candidates → decide. Memos are written as Vietnamese banks deliver them.
 */
import { InMemoryExpectationIndex, lookupKeys } from "../candidates"
import { decide } from "../decide"
import { extractIdentifiers } from "../memo"
import type {
  Decision,
  IncomingTransaction,
  MatchConfig,
  OpenExpectation,
} from "../types"

const day = (d: string) => new Date(`2025-03-${d}T09:00:00+07:00`)
const BOOKED = new Date("2025-03-05T10:00:00+07:00")

const exp = (
  e: Partial<OpenExpectation> &
    Pick<OpenExpectation, "id" | "reference" | "amount_remaining">
): OpenExpectation => ({
  order_number: e.reference.replace(/^DH|[A-Z]$/g, ""),
  currency_code: "VND",
  created_at: day("02"),
  ...e,
})

// Check letters: DH1042Q DH1043W DH1044C DH1077P DH1078V DH2001Q DH2002W DH2003C DH42Y DH555S DH3005U DH88N DH7Z DH12P
const FIXTURES: OpenExpectation[] = [
  exp({
    id: "e1042",
    reference: "DH1042Q",
    amount_remaining: 1_500_000n,
    phone: "0912345678",
    customer_id: "c1",
    created_at: day("01"),
  }),
  exp({
    id: "e1043",
    reference: "DH1043W",
    amount_remaining: 2_000_000n,
    tax_code: "0101234567001",
    company_key: "HOANG PHAT",
    customer_id: "c2",
  }),
  exp({
    id: "e1044",
    reference: "DH1044C",
    amount_remaining: 750_000n,
    tax_code: "0309876543",
    company_key: "MINH ANH",
    customer_id: "c3",
  }),
  exp({
    id: "e1077",
    reference: "DH1077P",
    amount_remaining: 3_200_000n,
    phone: "0987654321",
    customer_id: "c4",
  }),
  exp({
    id: "e1078",
    reference: "DH1078V",
    amount_remaining: 3_200_000n,
    phone: "0987654321",
    customer_id: "c4",
    created_at: day("03"),
  }),
  exp({
    id: "e2001",
    reference: "DH2001Q",
    amount_remaining: 1_000_000n,
    tax_code: "0312345678",
    company_key: "KHANG THINH",
    customer_id: "c5",
  }),
  exp({
    id: "e2002",
    reference: "DH2002W",
    amount_remaining: 500_000n,
    tax_code: "0312345678",
    company_key: "KHANG THINH",
    customer_id: "c5",
  }),
  exp({
    id: "e2003",
    reference: "DH2003C",
    amount_remaining: 700_000n,
    tax_code: "0312345678",
    company_key: "KHANG THINH",
    customer_id: "c5",
  }),
  exp({
    id: "e42",
    reference: "DH42Y",
    amount_remaining: 99_000n,
    created_at: day("04"),
  }),
  exp({ id: "e3005", reference: "DH3005U", amount_remaining: 450_000n }),
  exp({ id: "e88", reference: "DH88N", amount_remaining: 450_000n }),
  exp({
    id: "e7",
    reference: "DH7Z",
    amount_remaining: 2_500_000n,
    created_at: new Date("2025-01-10T09:00:00+07:00"),
  }),
  exp({ id: "e12", reference: "DH12P", amount_remaining: 5_000_000n }),
  exp({
    id: "e555",
    reference: "DH555S",
    amount_remaining: 1250n,
    currency_code: "USD",
  }),
  // A trap: an old order whose tax code equals the transaction id Vietcombank puts after "MBVCB.".
  exp({
    id: "eTrap",
    reference: "DH31R",
    amount_remaining: 1_234_000n,
    tax_code: "3278907687",
    created_at: new Date("2024-12-01"),
  }),
]

const BASE_CONFIG: MatchConfig = {
  prefixes: ["DH"],
  tolerances: {
    VND: { type: "fixed", amount: 50_000n },
    USD: { type: "percent", basis_points: 100 },
  },
  defaultTolerance: { type: "fixed", amount: 50_000n },
  writeOffTolerance: {},
  allowAutomaticPartials: true,
  amountOnlyWindowDays: 7,
}

const index = new InMemoryExpectationIndex()
for (const e of FIXTURES) {
  index.add(e)
}

type Expect =
  | { kind: "apply"; allocations: [string, bigint][]; surplus?: bigint }
  | {
      kind: "suggest"
      ids: string[]
      score?: [number, number] /* min, max of the first */
    }
  | { kind: "unmatched" | "ignore"; code?: string }

type Case = {
  name: string
  memo: string
  amount: bigint
  currency?: string
  direction?: "in" | "out"
  counterparty?: string
  config?: Partial<MatchConfig>
  rejected?: string[]
  expect: Expect
}

function run(c: Case): Decision {
  const tx: IncomingTransaction = {
    id: "tx1",
    amount: c.amount,
    currency_code: c.currency ?? "VND",
    direction: c.direction ?? "in",
    memo: c.memo,
    booked_at: BOOKED,
    counterparty_name: c.counterparty ?? null,
  }
  const config = { ...BASE_CONFIG, ...c.config }
  const ids = extractIdentifiers(tx.memo, { prefixes: config.prefixes })
  const candidates = index.find(lookupKeys(ids, tx, config), {
    includeCustomerOrders: true,
  })
  return decide(tx, ids, candidates, config, new Set(c.rejected ?? []))
}

const CASES: Case[] = [
  // ── certain: the reference with its check letter ─────────────────────────────
  {
    name: "Vietcombank app memo with bank prefix and accounts",
    memo: "MBVCB.3278907687.DH1042Q.CT tu 0011004123456 NGUYEN VAN A toi 19036543210012",
    amount: 1_500_000n,
    expect: { kind: "apply", allocations: [["e1042", 1_500_000n]] },
  },
  {
    name: "IBFT prefix",
    memo: "IBFT DH1042Q",
    amount: 1_500_000n,
    expect: { kind: "apply", allocations: [["e1042", 1_500_000n]] },
  },
  {
    name: "lower case with spaces inside",
    memo: "dh 1042 q",
    amount: 1_500_000n,
    expect: { kind: "apply", allocations: [["e1042", 1_500_000n]] },
  },
  {
    name: "dots inside",
    memo: "DH.1042.Q thanh toan",
    amount: 1_500_000n,
    expect: { kind: "apply", allocations: [["e1042", 1_500_000n]] },
  },
  {
    name: "extra leading zero",
    memo: "DH01042Q",
    amount: 1_500_000n,
    expect: { kind: "apply", allocations: [["e1042", 1_500_000n]] },
  },
  {
    name: "bank removed every space",
    memo: "THANHTOANDH1042QCAMON",
    amount: 1_500_000n,
    expect: { kind: "apply", allocations: [["e1042", 1_500_000n]] },
  },
  {
    name: "Techcombank FT reference before it",
    memo: "FT24123456789 DH1042Q",
    amount: 1_500_000n,
    expect: { kind: "apply", allocations: [["e1042", 1_500_000n]] },
  },
  {
    name: "with diacritics",
    memo: "Thanh toán đơn hàng DH1042Q",
    amount: 1_500_000n,
    expect: { kind: "apply", allocations: [["e1042", 1_500_000n]] },
  },
  {
    name: "CT tu … toi … before the reference",
    memo: "CT tu 0011004123456 toi 19036543210012 DH1042Q chuyen khoan",
    amount: 1_500_000n,
    expect: { kind: "apply", allocations: [["e1042", 1_500_000n]] },
  },
  {
    name: "memo exactly as instructed: reference + tax code",
    memo: "DH1043W 0101234567001",
    amount: 2_000_000n,
    expect: { kind: "apply", allocations: [["e1043", 2_000_000n]] },
  },
  {
    name: "reference glued to the transaction id",
    memo: "MBVCB.3278907687DH1042Q",
    amount: 1_500_000n,
    expect: { kind: "apply", allocations: [["e1042", 1_500_000n]] },
  },
  // ── certain, amount different ───────────────────────────────────────────────
  {
    name: "partial payment",
    memo: "DH1042Q dot 1",
    amount: 1_000_000n,
    expect: { kind: "apply", allocations: [["e1042", 1_000_000n]] },
  },
  {
    name: "partial payment, automatic partials off → high suggestion",
    memo: "DH1042Q",
    amount: 1_000_000n,
    config: { allowAutomaticPartials: false },
    expect: { kind: "suggest", ids: ["e1042"], score: [90, 90] },
  },
  {
    name: "overpayment → remaining + surplus",
    memo: "DH1042Q",
    amount: 1_700_000n,
    expect: {
      kind: "apply",
      allocations: [["e1042", 1_500_000n]],
      surplus: 200_000n,
    },
  },
  {
    name: "short within write-off → paid",
    memo: "DH1042Q",
    amount: 1_497_000n,
    config: { writeOffTolerance: { VND: 5_000n } },
    expect: { kind: "apply", allocations: [["e1042", 1_497_000n]] },
  },
  {
    name: "short beyond write-off → partial",
    memo: "DH1042Q",
    amount: 1_490_000n,
    config: { writeOffTolerance: { VND: 5_000n } },
    expect: { kind: "apply", allocations: [["e1042", 1_490_000n]] },
  },
  // ── certain: order number + phone (B2C) / tax code (B2B) ─────────────────────
  {
    name: "order number + phone",
    memo: "don hang 1042 sdt 0912345678",
    amount: 1_500_000n,
    expect: { kind: "apply", allocations: [["e1042", 1_500_000n]] },
  },
  {
    name: "reference without check + phone +84 grouped",
    memo: "DH 1042 +84 912 345 678",
    amount: 1_500_000n,
    expect: { kind: "apply", allocations: [["e1042", 1_500_000n]] },
  },
  {
    name: "phone as 84…",
    memo: "84912345678 don 1042",
    amount: 1_500_000n,
    expect: { kind: "apply", allocations: [["e1042", 1_500_000n]] },
  },
  {
    name: "tax code with branch (dash) + order number",
    memo: "MST 0101234567-001 TT DON 1043",
    amount: 2_000_000n,
    expect: { kind: "apply", allocations: [["e1043", 2_000_000n]] },
  },
  {
    name: "tax code with branch (space) + order number",
    memo: "0101234567 001 don hang 1043",
    amount: 2_000_000n,
    expect: { kind: "apply", allocations: [["e1043", 2_000_000n]] },
  },
  {
    name: "tax code with branch (glued) + order number",
    memo: "MST0101234567001 thanh toan 1043",
    amount: 2_000_000n,
    expect: { kind: "apply", allocations: [["e1043", 2_000_000n]] },
  },
  {
    name: "10-digit tax code + order number",
    memo: "MST 0309876543 don 1044",
    amount: 750_000n,
    expect: { kind: "apply", allocations: [["e1044", 750_000n]] },
  },
  // ── likely → suggest ─────────────────────────────────────────────────────────
  {
    name: "wrong check letter (typo)",
    memo: "DH1042A",
    amount: 1_500_000n,
    expect: { kind: "suggest", ids: ["e1042"], score: [75, 80] },
  },
  {
    name: "missing check letter, amount within tolerance",
    memo: "Thanh toan DH1042",
    amount: 1_480_000n,
    expect: { kind: "suggest", ids: ["e1042"], score: [60, 74] },
  },
  {
    name: "bare order number",
    memo: "thanh toan don 1042",
    amount: 1_500_000n,
    expect: { kind: "suggest", ids: ["e1042"], score: [70, 75] },
  },
  {
    name: "order #",
    memo: "order #1042",
    amount: 1_500_000n,
    expect: { kind: "suggest", ids: ["e1042"], score: [70, 75] },
  },
  {
    name: "phone only",
    memo: "0912345678 chuyen tien",
    amount: 1_500_000n,
    expect: { kind: "suggest", ids: ["e1042"], score: [75, 75] },
  },
  {
    name: "memo names the parent's code, order registered with branch",
    memo: "MST 0101234567 thanh toan don 1043",
    amount: 2_000_000n,
    expect: { kind: "suggest", ids: ["e1043"], score: [70, 75] },
  },
  {
    name: "memo names a branch, order registered with the parent code → likely only",
    memo: "MST 0309876543-002 DH1044",
    amount: 750_000n,
    expect: { kind: "suggest", ids: ["e1044"], score: [80, 89] },
  },
  {
    name: "tax code only",
    memo: "MST 0309876543",
    amount: 750_000n,
    expect: { kind: "suggest", ids: ["e1044"], score: [75, 75] },
  },
  {
    name: "company name only",
    memo: "CTY TNHH HOANG PHAT CK",
    amount: 2_000_000n,
    expect: { kind: "suggest", ids: ["e1043"], score: [45, 55] },
  },
  {
    name: "company name with a typo",
    memo: "CONG TY KHANG THINHH chuyen tien",
    amount: 1_000_000n,
    expect: { kind: "suggest", ids: ["e2001"], score: [40, 50] },
  },
  {
    name: "company from the payer's account name",
    memo: "chuyen tien",
    counterparty: "CONG TY TNHH HOANG PHAT",
    amount: 2_000_000n,
    expect: { kind: "suggest", ids: ["e1043"], score: [45, 55] },
  },
  {
    name: "bare order number, amount within tolerance → lower",
    memo: "don 1077",
    amount: 3_180_000n,
    expect: { kind: "suggest", ids: ["e1077"], score: [50, 68] },
  },
  {
    name: "two orders equally likely (same phone, same amount)",
    memo: "0987654321",
    amount: 3_200_000n,
    expect: { kind: "suggest", ids: ["e1077", "e1078"], score: [75, 75] },
  },
  {
    name: "USD within a 1% tolerance",
    memo: "Payment order 555",
    amount: 1240n,
    currency: "USD",
    expect: { kind: "suggest", ids: ["e555"] },
  },
  // ── several orders in one transfer ──────────────────────────────────────────
  {
    name: "two references, amount = sum → split",
    memo: "DH1042Q DH1043W",
    amount: 3_500_000n,
    expect: {
      kind: "apply",
      allocations: [
        ["e1042", 1_500_000n],
        ["e1043", 2_000_000n],
      ],
    },
  },
  {
    name: "two references, amount ≠ sum → suggestions",
    memo: "DH1042Q DH1043W",
    amount: 3_000_000n,
    expect: { kind: "suggest", ids: ["e1042", "e1043"], score: [90, 90] },
  },
  {
    name: "two references with a comma",
    memo: "TT DH1042Q, DH1077P",
    amount: 4_700_000n,
    expect: {
      kind: "apply",
      allocations: [
        ["e1042", 1_500_000n],
        ["e1077", 3_200_000n],
      ],
    },
  },
  {
    name: "tax code + two order numbers = sum → split",
    memo: "MST 0312345678 tt don 2002 2003",
    amount: 1_200_000n,
    expect: {
      kind: "apply",
      allocations: [
        ["e2002", 500_000n],
        ["e2003", 700_000n],
      ],
    },
  },
  {
    name: "exact-sum subset of the customer's orders (tax code only)",
    memo: "MST 0312345678 thanh toan",
    amount: 1_200_000n,
    expect: { kind: "suggest", ids: ["e2002", "e2003"], score: [70, 70] },
  },
  {
    name: "all three of the customer's orders",
    memo: "0312345678",
    amount: 2_200_000n,
    expect: {
      kind: "suggest",
      ids: ["e2001", "e2002", "e2003"],
      score: [70, 70],
    },
  },
  // ── rejected pairs ────────────────────────────────────────────────────────────
  {
    name: "rejected certain pair → not applied",
    memo: "DH1042Q",
    amount: 1_500_000n,
    rejected: ["e1042"],
    expect: { kind: "unmatched", code: "rejected" },
  },
  {
    name: "rejected likely pair → not suggested",
    memo: "MST 0312345678",
    amount: 1_000_000n,
    rejected: ["e2001"],
    expect: { kind: "unmatched" },
  },
  {
    name: "one of two equally likely rejected → the other",
    memo: "0987654321",
    amount: 3_200_000n,
    rejected: ["e1077"],
    expect: { kind: "suggest", ids: ["e1078"] },
  },
  {
    name: "one of two references rejected → the other, surplus recorded",
    memo: "DH1042Q DH1043W",
    amount: 3_500_000n,
    rejected: ["e1042"],
    expect: {
      kind: "apply",
      allocations: [["e1043", 2_000_000n]],
      surplus: 1_500_000n,
    },
  },
  // ── ignore ────────────────────────────────────────────────────────────────────
  {
    name: "outgoing money",
    memo: "DH1042Q hoan tien",
    amount: 1_500_000n,
    direction: "out",
    expect: { kind: "ignore", code: "outgoing" },
  },
  {
    name: "wrong currency",
    memo: "DH1042Q",
    amount: 1_500_00n,
    currency: "USD",
    expect: { kind: "ignore", code: "currency_mismatch" },
  },
  {
    name: "USD reference",
    memo: "Payment DH555S",
    amount: 1250n,
    currency: "USD",
    expect: { kind: "apply", allocations: [["e555", 1250n]] },
  },
  // ── amount only ───────────────────────────────────────────────────────────────
  {
    name: "amount only, one open order",
    memo: "chuyen tien",
    amount: 99_000n,
    expect: { kind: "suggest", ids: ["e42"], score: [20, 30] },
  },
  {
    name: "amount only, two open orders → unmatched",
    memo: "chuyen tien",
    amount: 450_000n,
    expect: { kind: "unmatched", code: "amount_ambiguous" },
  },
  {
    name: "amount only, order outside the window → unmatched",
    memo: "NGUYEN VAN A chuyen tien",
    amount: 2_500_000n,
    expect: { kind: "unmatched" },
  },
  {
    name: "a date is not an order number",
    memo: "chuyen tien ngay 12/03/2025",
    amount: 5_000_000n,
    expect: { kind: "suggest", ids: ["e12"], score: [20, 30] },
  },
  {
    name: "prefix glued in a word without check letter is not a reference",
    memo: "MADH1042",
    amount: 1_500_000n,
    expect: { kind: "suggest", ids: ["e1042"], score: [20, 30] },
  },
  // ── no match ──────────────────────────────────────────────────────────────────
  {
    name: "bank numbers are not identifiers",
    memo: "MBVCB.3278907687.chuyen tien.CT tu 0011004123456 toi 19036543210012",
    amount: 1_234_567n,
    expect: { kind: "unmatched", code: "no_identifier" },
  },
  {
    name: "bare order number, amount beyond tolerance",
    memo: "don 1077",
    amount: 3_000_000n,
    expect: { kind: "unmatched", code: "amount_beyond_tolerance" },
  },
  {
    name: "wrong check letter, amount beyond tolerance",
    memo: "DH1042A",
    amount: 1_000_000n,
    expect: { kind: "unmatched", code: "amount_beyond_tolerance" },
  },
  {
    name: "company name, amount beyond tolerance",
    memo: "CTY HOANG PHAT",
    amount: 1_000_000n,
    expect: { kind: "unmatched", code: "amount_beyond_tolerance" },
  },
  {
    name: "order number of no open order, amount awaited elsewhere → amount only",
    memo: "don 9999",
    amount: 99_000n,
    expect: { kind: "suggest", ids: ["e42"], score: [20, 30] },
  },
  {
    name: "nothing at all",
    memo: "hello",
    amount: 123_456n,
    expect: { kind: "unmatched", code: "no_identifier" },
  },
]

describe("matcher (table)", () => {
  it("has enough cases", () => expect(CASES.length).toBeGreaterThanOrEqual(45))

  it.each(CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const d = run(c)
    const x = c.expect
    expect(d.kind).toBe(x.kind)
    switch (d.kind) {
      case "apply": {
        const want = x as Extract<Expect, { kind: "apply" }>
        expect(d.allocations.map((a) => [a.expectation_id, a.amount])).toEqual(
          want.allocations
        )
        expect(d.surplus).toBe(want.surplus ?? 0n)
        expect(d.reasons.length).toBeGreaterThan(0)
        break
      }
      case "suggest": {
        const want = x as Extract<Expect, { kind: "suggest" }>
        expect(d.suggestions.map((s) => s.expectation_id).sort()).toEqual(
          [...want.ids].sort()
        )
        if (want.score) {
          expect(d.suggestions[0].score).toBeGreaterThanOrEqual(want.score[0])
          expect(d.suggestions[0].score).toBeLessThanOrEqual(want.score[1])
        }
        for (const s of d.suggestions) {
          expect(s.reasons.length).toBeGreaterThan(0)
          expect(s.score).toBeGreaterThan(0)
          expect(s.score).toBeLessThanOrEqual(100)
        }
        break
      }
      default: {
        const want = x as { code?: string }
        if (want.code) {
          expect(d.reasons.map((r) => r.code)).toContain(want.code)
        }
      }
    }
    // Rejected pairs never come back, in any form.
    const used =
      d.kind === "apply"
        ? d.allocations.map((a) => a.expectation_id)
        : d.kind === "suggest"
          ? d.suggestions.map((s) => s.expectation_id)
          : []
    for (const r of c.rejected ?? []) {
      expect(used).not.toContain(r)
    }
  })
})

describe("reasons", () => {
  it("say what was found and how the amount compares, formatted for the currency", () => {
    const d = run({
      name: "",
      memo: "Thanh toan DH1042",
      amount: 1_480_000n,
      expect: { kind: "suggest", ids: [] },
    })
    if (d.kind !== "suggest") {
      throw new Error(d.kind)
    }
    const messages = d.suggestions[0].reasons.map((r) => r.message)
    expect(messages[0]).toMatch(
      /reference DH1042 found without its check letter/
    )
    expect(messages.join(" | ")).toMatch(/amount differs by 20\.000\s₫/)
  })

  it("name the reference and the equal amount when applying", () => {
    const d = run({
      name: "",
      memo: "DH1042Q",
      amount: 1_500_000n,
      expect: { kind: "apply", allocations: [] },
    })
    expect(d.kind === "apply" && d.reasons.map((r) => r.message)).toEqual([
      "reference DH1042Q found",
      "amount equals the 1.500.000\u00a0₫ remaining",
    ])
  })

  it("report the tax code in its written form", () => {
    const d = run({
      name: "",
      memo: "MST 0101234567-001 don 1043",
      amount: 2_000_000n,
      expect: { kind: "apply", allocations: [] },
    })
    expect(d.kind === "apply" && d.reasons.map((r) => r.message)).toContain(
      "tax code 0101234567-001 matches"
    )
  })

  it("tell the surplus", () => {
    const d = run({
      name: "",
      memo: "DH1042Q",
      amount: 1_700_000n,
      expect: { kind: "apply", allocations: [] },
    })
    expect(d.kind === "apply" && d.reasons.map((r) => r.code)).toEqual([
      "reference_found",
      "amount_more",
      "surplus",
    ])
  })
})

describe("decide without the index", () => {
  const ids = (memo: string) => extractIdentifiers(memo, { prefixes: ["DH"] })
  const tx = (memo: string, amount: bigint): IncomingTransaction => ({
    id: "t",
    amount,
    currency_code: "vnd",
    direction: "in",
    memo,
    booked_at: BOOKED,
  })

  it("accepts duplicate candidates and a lower-case currency", () => {
    const e = FIXTURES[0]
    const d = decide(
      tx("DH1042Q", 1_500_000n),
      ids("DH1042Q"),
      [e, e],
      BASE_CONFIG,
      new Set()
    )
    expect(d).toMatchObject({
      kind: "apply",
      allocations: [{ expectation_id: "e1042", amount: 1_500_000n }],
    })
  })

  it("with no candidates at all is unmatched", () => {
    expect(
      decide(
        tx("DH1042Q", 1_500_000n),
        ids("DH1042Q"),
        [],
        BASE_CONFIG,
        new Set()
      ).kind
    ).toBe("unmatched")
  })

  it("several equally likely are only suggested", () => {
    const a = {
      ...FIXTURES[0],
      id: "a",
      reference: "DH9001N",
      order_number: "9001",
    }
    const b = {
      ...FIXTURES[0],
      id: "b",
      reference: "DH9002U",
      order_number: "9002",
    }
    const d = decide(
      tx("0912345678", 1_500_000n),
      ids("0912345678"),
      [a, b],
      BASE_CONFIG,
      new Set()
    )
    expect(d.kind).toBe("suggest")
    expect(
      d.kind === "suggest" &&
        d.suggestions.map((s) => s.reasons.some((r) => r.code === "ambiguous"))
    ).toEqual([true, true])
  })
})
