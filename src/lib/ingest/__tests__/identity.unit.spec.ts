import crypto from "crypto"
import { readFileSync } from "fs"
import path from "path"
import {
  compareSightings,
  memoTokens,
  normaliseMemo,
  pairSightings,
  RecordedSighting,
  sameMovement,
  Sighting,
} from "../identity"
import { fingerprint } from "../fingerprint"
import { parseSepay } from "../webhooks/sepay"
import { parseCasso } from "../webhooks/casso"
import { parseStatement } from "../statements"
import type { IncomingLine } from "../webhooks/types"

const fixture = (name: string) =>
  readFileSync(path.join(__dirname, "fixtures", name))
const sighting = (line: IncomingLine, channel: string): Sighting => ({
  account: line.account,
  booked_at: line.booked_at,
  amount: line.amount,
  currency_code: line.currency_code,
  direction: line.direction,
  memo: line.memo,
  bank_references: line.bank_references ?? [],
  channel,
})
const at = (iso: string) => new Date(iso)
const base: Sighting = {
  account: "0071000123456",
  booked_at: at("2026-11-30T09:15:00+07:00"),
  amount: "1000000",
  currency_code: "VND",
  direction: "in",
  memo: "DH47V chuyen khoan",
  bank_references: [],
  channel: "sepay",
}
const s = (over: Partial<Sighting>): Sighting => ({ ...base, ...over })

/** The shared case: SePay's delivery and the evening's Vietcombank statement line, through the real parsers. */
async function sharedCase() {
  const [webhook] = parseSepay(
    JSON.parse(fixture("cross-channel-sepay.json").toString())
  )
  const statement = await parseStatement(
    fixture("cross-channel-vcb-statement.csv"),
    { maxBytes: 1 << 20, fileName: "sao-ke.csv" }
  )
  expect(statement.lines).toHaveLength(1)
  return {
    sepay: sighting(webhook, "sepay"),
    line: sighting(statement.lines[0], "statement:imp_1"),
  }
}

describe("memo normalisation, shared with the fingerprint", () => {
  it("strips marks, writes đ as D, keeps letters and digits in upper case", () => {
    expect(normaliseMemo("DH47V chuyển khoản")).toBe("DH47VCHUYENKHOAN")
    expect(normaliseMemo("Đơn hàng DH-47V, đã CK!")).toBe("DONHANGDH47VDACK")
    expect(normaliseMemo(null)).toBe("")
    expect(memoTokens("MBVCB.5280123052.017669.DH47V chuyen")).toEqual([
      "MBVCB",
      "5280123052",
      "017669",
      "DH47V",
      "CHUYEN",
    ])
  })

  it("leaves the fingerprint as it was", () => {
    const line = {
      account: "0071 000 123456",
      booked_at: at("2026-11-30T02:15:00Z"),
      direction: "in" as const,
      amount: "2430000",
      currency_code: "vnd",
      memo: "Đơn DH47V",
    }
    // account without spaces | Vietnamese day | direction | amount | currency | normalised memo
    const key = "0071000123456|2026-11-30|in|2430000|VND|DONDH47V"
    expect(fingerprint(line)).toBe(
      crypto.createHash("sha256").update(key).digest("hex")
    )
    expect(fingerprint({ ...line, memo: "don-dh47v" })).toBe(fingerprint(line))
  })
})

describe("sameMovement", () => {
  it("the shared case: SePay's delivery and the Vietcombank statement line are one movement, both ways", async () => {
    const { sepay, line } = await sharedCase()
    expect(sepay).toMatchObject({
      amount: "1000000",
      bank_references: ["MBVCB.5280123052"],
      memo: "DH47V chuyen khoan",
    })
    // The statement's "Số CT" (document number, after the date in one cell) is the bank's own key.
    expect(line).toMatchObject({
      amount: "1000000",
      bank_references: ["5254 - 05356"],
      account: null,
    })
    expect(sameMovement(sepay, line)).toBe("same")
    expect(sameMovement(line, sepay)).toBe("same")
    // SePay's referenceCode opens the bank's description: the key is found in the memo.
    expect(compareSightings(sepay, line).basis).toBe("key_in_memo")
    // Without the key, the shopper's text inside the bank's description still says so.
    expect(compareSightings({ ...sepay, bank_references: [] }, line)).toEqual({
      verdict: "same",
      basis: "memo",
    })
  })

  it("SePay and Casso reporting one transfer: same, by a shared key or by memo", () => {
    const [casso] = parseCasso({
      error: 0,
      data: {
        id: 501,
        reference: "5280123052",
        description: "MBVCB.5280123052.017669.DH47V chuyen khoan",
        amount: 1000000,
        transactionDateTime: "2026-11-30 09:15:02",
        accountNumber: "0071000123456",
      },
    })
    const sepay = s({ bank_references: ["MBVCB.5280123052"] })
    expect(compareSightings(sepay, sighting(casso, "casso"))).toEqual({
      verdict: "same",
      basis: "key_in_memo",
    })
    expect(
      compareSightings(
        s({ bank_references: ["FT26334000002"] }),
        s({ channel: "casso", bank_references: ["ft26334000002"], memo: "" })
      )
    ).toEqual({ verdict: "same", basis: "shared_key" })
  })

  it("keys of one kind that differ are two transfers; keys of different channels are not compared", () => {
    expect(
      compareSightings(
        s({ bank_references: ["MBVCB.5280123052"] }),
        s({ bank_references: ["MBVCB.5280123099"] })
      )
    ).toEqual({ verdict: "different", basis: "keys_differ" })
    // SePay's key and a statement's reference are not assumed to be the same kind: the memo decides.
    expect(
      compareSightings(
        s({ bank_references: ["MBVCB.5280123052"] }),
        s({ channel: "statement:imp_1", bank_references: ["5254-05356"] })
      )
    ).toEqual({ verdict: "same", basis: "memo" })
    // Two statement files say when their keys are comparable.
    const camtA = s({
      channel: "statement:a",
      reference_kind: "camt053:VCB",
      bank_references: ["FT26334000001"],
    })
    expect(
      compareSightings(camtA, {
        ...camtA,
        channel: "statement:b",
        bank_references: ["FT26334000002"],
      }).verdict
    ).toBe("different")
    expect(
      compareSightings(camtA, {
        ...camtA,
        channel: "statement:b",
        reference_kind: undefined,
        bank_references: ["FT26334000002"],
      }).verdict
    ).toBe("same")
  })

  it("a channel never reports one transfer twice without a shared key, and one file's lines are all distinct", () => {
    expect(compareSightings(s({}), s({}))).toEqual({
      verdict: "different",
      basis: "same_channel",
    })
    expect(
      compareSightings(
        s({ bank_references: ["MBVCB.5280123052"] }),
        s({ bank_references: ["MBVCB.5280123052"] })
      )
    ).toEqual({ verdict: "same", basis: "shared_key" })
    const line = s({
      channel: "statement:imp_1",
      bank_references: ["FT26334000002"],
    })
    expect(compareSightings(line, { ...line })).toEqual({
      verdict: "different",
      basis: "same_file",
    })
  })

  it("same account, amount and day but nothing to tell them apart: a possible duplicate", () => {
    expect(
      compareSightings(s({ memo: "CK" }), s({ channel: "casso", memo: "CK" }))
    ).toEqual({ verdict: "possible_duplicate", basis: "same_day_amount" })
    expect(
      sameMovement(s({ memo: "" }), s({ channel: "statement:x", memo: "" }))
    ).toBe("possible_duplicate")
    expect(
      sameMovement(
        s({ memo: "chuyen khoan" }),
        s({ channel: "casso", memo: "thanh toan tien hang" })
      )
    ).toBe("possible_duplicate")
    // Labels and counters are no keys: "FEE" in both says nothing.
    expect(
      sameMovement(
        s({ memo: "", bank_references: ["FEE"] }),
        s({ channel: "statement:x", memo: "", bank_references: ["FEE"] })
      )
    ).toBe("possible_duplicate")
  })

  it("money facts must agree exactly: amount in minor units, currency, direction, account", () => {
    const casso = (over: Partial<Sighting>) => s({ channel: "casso", ...over })
    expect(sameMovement(s({}), casso({ amount: "1000000.00" }))).toBe("same")
    expect(sameMovement(s({}), casso({ amount: "1000001" }))).toBe("different")
    expect(
      sameMovement(s({}), casso({ currency_code: "USD", amount: "1000000.00" }))
    ).toBe("different")
    expect(sameMovement(s({}), casso({ direction: "out" }))).toBe("different")
    expect(sameMovement(s({}), casso({ account: "0071000999888" }))).toBe(
      "different"
    )
    expect(sameMovement(s({}), casso({ account: " 0071 000 123456 " }))).toBe(
      "same"
    )
    expect(sameMovement(s({}), casso({ account: null }))).toBe("same")
    expect(
      sameMovement(s({}), casso({ account: "VN12BFTV0071000123456" }))
    ).toBe("same")
  })

  it("booking dates within one calendar day in Vietnam, counted at Vietnamese midnight", () => {
    const casso = (iso: string) => s({ channel: "casso", booked_at: at(iso) })
    const late = s({ booked_at: at("2026-11-30T23:30:00+07:00") })
    expect(sameMovement(late, casso("2026-12-01T00:10:00+07:00"))).toBe("same")
    expect(sameMovement(late, casso("2026-12-01T23:59:00+07:00"))).toBe("same")
    expect(sameMovement(late, casso("2026-12-02T00:10:00+07:00"))).toBe(
      "different"
    )
    // 2026-11-29T17:30Z is already 30/11 in Vietnam (00:30): one day from 01/12, not two.
    expect(
      sameMovement(
        s({ booked_at: at("2026-11-29T17:30:00Z") }),
        casso("2026-12-01T12:00:00+07:00")
      )
    ).toBe("same")
    // A shared bank key carries over a long weekend, not over weeks.
    const key = { bank_references: ["FT26334000002"] }
    expect(
      sameMovement(
        s({ ...key, booked_at: at("2026-11-27T18:00:00+07:00") }),
        s({
          ...key,
          channel: "statement:x",
          memo: "",
          booked_at: at("2026-11-30T08:00:00+07:00"),
        })
      )
    ).toBe("same")
    expect(
      sameMovement(
        s({ ...key, booked_at: at("2026-11-01T18:00:00+07:00") }),
        s({
          ...key,
          channel: "statement:x",
          memo: "",
          booked_at: at("2026-11-30T08:00:00+07:00"),
        })
      )
    ).toBe("different")
  })

  it("a memo of a few letters does not count as containing another; a payment reference does", () => {
    expect(
      sameMovement(
        s({ memo: "CK" }),
        s({ channel: "casso", memo: "CK DH47V chuyen khoan" })
      )
    ).toBe("possible_duplicate")
    expect(
      sameMovement(
        s({ memo: "TT CK" }),
        s({ channel: "casso", memo: "TT CK DH47V" })
      )
    ).toBe("possible_duplicate")
    // A memo that is only the order's reference (letters and digits) names the transfer.
    expect(
      sameMovement(
        s({ memo: "DH47V" }),
        s({ channel: "casso", memo: "CK DH47V chuyen khoan" })
      )
    ).toBe("same")
    expect(
      sameMovement(s({ memo: "DH1E" }), s({ channel: "casso", memo: "DH1E" }))
    ).toBe("same")
    // Two shoppers paying the same amount the same day, each with their own reference.
    expect(
      compareSightings(
        s({ memo: "DH1E" }),
        s({ channel: "casso", memo: "DH2F thanh toan" })
      )
    ).toEqual({ verdict: "different", basis: "codes_differ" })
    expect(
      sameMovement(
        s({ memo: "DH1E" }),
        s({ channel: "casso", memo: "thanh toan don hang" })
      )
    ).toBe("possible_duplicate")
    expect(
      sameMovement(
        s({ memo: "DH47V ck" }),
        s({ channel: "casso", memo: "CT tu 0123 DH47V CK toi" })
      )
    ).toBe("same")
  })
})

describe("pairSightings", () => {
  it("the shared case in both orders: the second channel's sighting joins the first's movement", async () => {
    const { sepay, line } = await sharedCase()
    expect(pairSightings([line], [{ ...sepay, movement_id: "mv_1" }])).toEqual([
      { movement_id: "mv_1", verdict: "same", basis: "key_in_memo" },
    ])
    expect(pairSightings([sepay], [{ ...line, movement_id: "mv_1" }])).toEqual([
      { movement_id: "mv_1", verdict: "same", basis: "key_in_memo" },
    ])
    expect(pairSightings([sepay], [])).toEqual([
      { movement_id: null, verdict: "different", basis: null },
    ])
  })

  it("two real transfers of equal amount and memo on one day, seen by SePay and in the statement: two movements, one to one", async () => {
    const { sepay, line } = await sharedCase()
    // SePay saw both (two ids, no reference codes); the statement holds two identical lines.
    const morning = {
      ...sepay,
      bank_references: [],
      booked_at: at("2026-11-30T09:15:00+07:00"),
    }
    const noon = { ...morning, booked_at: at("2026-11-30T12:40:00+07:00") }
    const sepayFirst = pairSightings([morning], [])
    expect(sepayFirst).toEqual([
      { movement_id: null, verdict: "different", basis: null },
    ])
    // SePay's second id is a second transfer, not the first one again.
    expect(compareSightings(noon, morning)).toEqual({
      verdict: "different",
      basis: "same_channel",
    })
    expect(
      pairSightings([noon], [{ ...morning, movement_id: "mv_1" }])
    ).toEqual([{ movement_id: null, verdict: "different", basis: null }])
    const recorded: RecordedSighting[] = [
      { ...noon, movement_id: "mv_2" },
      { ...morning, movement_id: "mv_1" },
    ]
    const lines = [line, { ...line }]
    const pairs = pairSightings(lines, recorded)
    expect(pairs).toEqual([
      { movement_id: "mv_1", verdict: "same", basis: "memo" },
      { movement_id: "mv_2", verdict: "same", basis: "memo" },
    ])
    // The other order: the statement's two lines are two movements; SePay's two ids join one each.
    expect(pairSightings([line, { ...line }], [])).toEqual([
      { movement_id: null, verdict: "different", basis: null },
      { movement_id: null, verdict: "different", basis: null },
    ])
    const fromStatement: RecordedSighting[] = [
      { ...line, movement_id: "mv_a" },
      { ...line, movement_id: "mv_b" },
    ]
    expect(
      pairSightings([morning, noon], fromStatement).map((p) => p.movement_id)
    ).toEqual(["mv_a", "mv_b"])
    // One SePay delivery at a time: the second finds the first's movement taken by SePay.
    const first = pairSightings([morning], fromStatement)[0]
    expect(first.movement_id).toBe("mv_a")
    expect(
      pairSightings(
        [noon],
        [...fromStatement, { ...morning, movement_id: first.movement_id! }]
      )[0]
    ).toEqual({ movement_id: "mv_b", verdict: "same", basis: "memo" })
  })

  it("two equal transfers whose statement lines carry SePay's reference codes pair by key, whatever the order", async () => {
    const { sepay, line } = await sharedCase()
    const recorded: RecordedSighting[] = [
      { ...sepay, bank_references: ["MBVCB.5280123052"], movement_id: "mv_1" },
      {
        ...sepay,
        bank_references: ["MBVCB.5280129999"],
        booked_at: at("2026-11-30T12:40:00+07:00"),
        movement_id: "mv_2",
      },
    ]
    const second = {
      ...line,
      memo: line.memo.replace("5280123052", "5280129999"),
    }
    expect(pairSightings([second, line], recorded)).toEqual([
      { movement_id: "mv_2", verdict: "same", basis: "key_in_memo" },
      { movement_id: "mv_1", verdict: "same", basis: "key_in_memo" },
    ])
  })

  it("a third equal statement line, when SePay saw two, is a movement of its own", async () => {
    const { sepay, line } = await sharedCase()
    const recorded: RecordedSighting[] = [
      { ...sepay, bank_references: [], movement_id: "mv_1" },
      {
        ...sepay,
        bank_references: [],
        booked_at: at("2026-11-30T12:40:00+07:00"),
        movement_id: "mv_2",
      },
    ]
    expect(
      pairSightings([line, { ...line }, { ...line }], recorded).map((p) => [
        p.movement_id,
        p.verdict,
      ])
    ).toEqual([
      ["mv_1", "same"],
      ["mv_2", "same"],
      [null, "different"],
    ])
  })

  it("prefers a shared key over a memo, then the earliest booked movement", () => {
    const recorded: RecordedSighting[] = [
      {
        ...s({ channel: "casso", bank_references: ["FT26334000001"] }),
        movement_id: "mv_early",
      },
      {
        ...s({
          channel: "casso",
          booked_at: at("2026-11-30T15:00:00+07:00"),
          bank_references: ["FT26334000002"],
        }),
        movement_id: "mv_late",
      },
    ]
    const line = s({
      channel: "statement:imp_2",
      memo: "DH47V chuyen khoan",
      bank_references: ["FT26334000002"],
    })
    expect(pairSightings([line], recorded)).toEqual([
      { movement_id: "mv_late", verdict: "same", basis: "shared_key" },
    ])
    expect(pairSightings([{ ...line, bank_references: [] }], recorded)).toEqual(
      [{ movement_id: "mv_early", verdict: "same", basis: "memo" }]
    )
  })

  it("a movement seen by two channels takes a third, and refuses a second sighting from a channel it has", () => {
    const recorded: RecordedSighting[] = [
      { ...s({ bank_references: ["MBVCB.5280123052"] }), movement_id: "mv_1" },
      {
        ...s({
          channel: "statement:imp_1",
          memo: "MBVCB.5280123052.017669.DH47V chuyen khoan.CT tu 0123456789",
        }),
        movement_id: "mv_1",
      },
    ]
    expect(
      pairSightings(
        [s({ channel: "casso", memo: "DH47V chuyen khoan" })],
        recorded
      )
    ).toEqual([{ movement_id: "mv_1", verdict: "same", basis: "memo" }])
    // SePay again under a new id with the same reference code: the same transfer reported again.
    expect(
      pairSightings([s({ bank_references: ["MBVCB.5280123052"] })], recorded)
    ).toEqual([{ movement_id: "mv_1", verdict: "same", basis: "shared_key" }])
    // Another line of the statement already recorded: a different transfer.
    expect(
      pairSightings([s({ channel: "statement:imp_1" })], recorded)[0]
        .movement_id
    ).toBeNull()
  })

  it("holds an unsure sighting against the movement it may duplicate, one per movement", () => {
    const recorded: RecordedSighting[] = [
      { ...s({ memo: "CK" }), movement_id: "mv_1" },
    ]
    expect(
      pairSightings(
        [
          s({ channel: "statement:imp_1", memo: "chuyen tien" }),
          s({ channel: "statement:imp_1", memo: "chuyen tien" }),
        ],
        recorded
      )
    ).toEqual([
      {
        movement_id: "mv_1",
        verdict: "possible_duplicate",
        basis: "same_day_amount",
      },
      { movement_id: null, verdict: "different", basis: null },
    ])
    // Keys of one kind that differ rule the movement out, whatever the memo.
    expect(
      pairSightings(
        [s({ bank_references: ["MBVCB.1"], memo: "CK" })],
        [
          {
            ...s({ memo: "CK", bank_references: ["MBVCB.2"] }),
            movement_id: "mv_1",
          },
        ]
      )[0]
    ).toEqual({
      movement_id: null,
      verdict: "different",
      basis: null,
    })
  })
})
