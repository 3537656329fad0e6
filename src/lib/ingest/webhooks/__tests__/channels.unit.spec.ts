import crypto from "crypto"
import { parseSepay } from "../sepay"
import { parseCasso } from "../casso"
import { parseCassoV1, verifyCassoV1 } from "../casso-v1"
import { parsePayos, payosSignedText, verifyPayos } from "../payos"
import { integerText, parseJsonLossless } from "../lossless-json"
import { parseVietnamTime } from "../vn-time"
import { WebhookError } from "../signature"

const status = (fn: () => unknown) => {
  try {
    fn()
    return 200
  } catch (e) {
    return e instanceof WebhookError ? e.status : 500
  }
}

const BIG = "9223372036854775807" // 2^63 − 1: JSON.parse reads it as …808

describe("reading the raw body losslessly", () => {
  it("keeps integers past 2^53 as their exact digits, leaves the rest to JSON.parse", () => {
    const text = `{"id": ${BIG}, "n": 42, "neg": -9007199254740993, "f": 1.5, "e": 1e3,
      "s": "a \\"quoted\\" ${BIG} in text", "list": [${BIG}, 9007199254740991]}`
    expect(parseJsonLossless(text)).toEqual({
      id: BIG,
      n: 42,
      neg: "-9007199254740993",
      f: 1.5,
      e: 1000,
      s: `a "quoted" ${BIG} in text`,
      list: [BIG, 9007199254740991],
    })
    expect(JSON.parse(`{"id": ${BIG}}`).id.toString()).not.toBe(BIG)
    expect(() => parseJsonLossless("{not json")).toThrow(SyntaxError)
    expect(integerText(12)).toBe("12")
    expect(integerText(2 ** 60)).toBeNull()
    expect(integerText(" 77 ")).toBe("77")
  })
})

describe("SePay as it really sends", () => {
  const sepay = (extra: Record<string, unknown> = {}) => ({
    id: 1,
    gateway: "MBBank",
    transactionDate: "2026-11-30 10:20:30",
    accountNumber: "0901234567",
    transferType: "in",
    transferAmount: 150000,
    content: "DH77K thanh toan",
    ...extra,
  })

  it("accepts transferType in any case", () => {
    expect(parseSepay(sepay({ transferType: "IN" }))[0].direction).toBe("in")
    expect(parseSepay(sepay({ transferType: "Out" }))[0].direction).toBe("out")
    expect(status(() => parseSepay(sepay({ transferType: "SIDEWAYS" })))).toBe(
      400
    )
  })

  it("keeps a 19-digit id exactly, as text", () => {
    const body = parseJsonLossless(
      `{"id": ${BIG}, "transactionDate": "2026-11-30 10:20:30", "transferType": "IN",
        "transferAmount": 150000, "content": "DH77K", "accountNumber": "0901234567"}`
    )
    const [line] = parseSepay(body)
    expect(line.external_id).toBe(BIG)
    expect((line.raw as { id: unknown }).id).toBe(BIG)
    expect(parseSepay(sepay({ id: "123456789012345678" }))[0].external_id).toBe(
      "123456789012345678"
    )
  })

  it("accepts null and empty optional fields", () => {
    const [line] = parseSepay(
      sepay({
        gateway: null,
        accountNumber: "",
        subAccount: null,
        code: "",
        content: null,
        accumulated: null,
        referenceCode: "",
        description: null,
      })
    )
    expect(line).toMatchObject({
      account: null,
      memo: "",
      amount: "150000",
      bank_references: [],
    })
  })

  it("refuses a field of another type than SePay documents", () => {
    for (const wrong of [
      { content: 123 },
      { accountNumber: 123 },
      { code: 5 },
      { gateway: {} },
      { subAccount: 5 },
      { accumulated: "lots" },
      { transferAmount: "150000" },
      { transferAmount: 1.5 },
    ]) {
      expect([wrong, status(() => parseSepay(sepay(wrong)))]).toEqual([
        wrong,
        400,
      ])
    }
  })

  it("reads dates with and without time or zone", () => {
    const at = (transactionDate: string) =>
      parseSepay(sepay({ transactionDate }))[0].booked_at.toISOString()
    expect(at("2026-11-30 10:20:30")).toBe("2026-11-30T03:20:30.000Z")
    expect(at("2026-11-30T10:20")).toBe("2026-11-30T03:20:00.000Z")
    expect(at("2026-11-30")).toBe("2026-11-29T17:00:00.000Z")
    expect(at("2026-11-30T10:20:30+07:00")).toBe("2026-11-30T03:20:30.000Z")
    expect(at("2026-11-30 03:20:30Z")).toBe("2026-11-30T03:20:30.000Z")
    expect(parseVietnamTime("2026-13-01")).toBeNull()
    expect(status(() => parseSepay(sepay({ transactionDate: "30/11" })))).toBe(
      400
    )
  })
})

describe("Casso", () => {
  it("v1: secure-token in constant time, date-only when, payer mapped", () => {
    expect(() => verifyCassoV1("k".repeat(20), "k".repeat(20))).not.toThrow()
    expect(status(() => verifyCassoV1("x".repeat(20), "k".repeat(20)))).toBe(
      401
    )
    expect(status(() => verifyCassoV1(undefined, "k".repeat(20)))).toBe(401)
    const item = {
      id: 771,
      tid: "FT26334000111",
      description: "DH77K chuyen tien",
      amount: 320000,
      cusum_balance: 9000000,
      when: "2026-11-30",
      bank_sub_acc_id: "0901234567",
      subAccId: "0901234567",
      corresponsiveName: "TRAN THI B",
      corresponsiveAccount: "123400005678",
      corresponsiveBankId: "970436",
      corresponsiveBankName: "Vietcombank",
    }
    const lines = parseCassoV1({
      error: 0,
      data: [
        item,
        { ...item, id: 772, amount: -5000, when: "2026-11-30 10:20:30" },
      ],
    })
    expect(lines[0]).toMatchObject({
      external_id: "771",
      account: "0901234567",
      amount: "320000",
      direction: "in",
      memo: "DH77K chuyen tien",
      counterparty_name: "TRAN THI B",
      counterparty_account: "123400005678",
      bank_references: ["FT26334000111"],
    })
    expect(lines[0].booked_at.toISOString()).toBe("2026-11-29T17:00:00.000Z")
    expect(lines[0].raw).toEqual(item)
    expect(lines[1]).toMatchObject({ amount: "5000", direction: "out" })
    expect(lines[1].booked_at.toISOString()).toBe("2026-11-30T03:20:30.000Z")
    expect(
      status(() => parseCassoV1({ error: 0, data: [{ ...item, when: "" }] }))
    ).toBe(400)
    expect(status(() => parseCassoV1({ error: 0, data: {} }))).toBe(400)
  })

  it("v2: keeps the payer's name, account and bank", () => {
    const data = {
      id: 9001,
      reference: "MB26334ABC",
      description: "DH77K",
      amount: 320000,
      runningBalance: null,
      transactionDateTime: "2026-11-30 10:20:30",
      accountNumber: "0901234567",
      bankName: "MB Bank",
      bankAbbreviation: "MB",
      virtualAccountNumber: "",
      virtualAccountName: "",
      counterAccountName: "LE VAN C",
      counterAccountNumber: "998877",
      counterAccountBankId: "970422",
      counterAccountBankName: "MB Bank",
    }
    const [line] = parseCasso({ error: 0, data })
    expect(line).toMatchObject({
      account: "0901234567",
      counterparty_name: "LE VAN C",
      counterparty_account: "998877",
      bank_references: ["MB26334ABC"],
    })
    expect(line.raw).toEqual(data)
  })
})

describe("payOS", () => {
  const KEY = "payos-checksum-key-for-tests"
  const data = {
    orderCode: 4711,
    amount: 320000,
    description: "CSW1 DH77K",
    accountNumber: "0901234567",
    reference: "FT26334XYZ",
    transactionDateTime: "2026-11-30 10:20:30",
    currency: "VND",
    paymentLinkId: "plink-1",
    code: "00",
    desc: "success",
    counterAccountBankId: "970415",
    counterAccountBankName: null,
    counterAccountName: "NGUYEN VAN D",
    counterAccountNumber: "5566",
    virtualAccountName: "",
    virtualAccountNumber: "",
  }
  const sign = (d: Record<string, unknown>) =>
    crypto.createHmac("sha256", KEY).update(payosSignedText(d)).digest("hex")
  const delivery = (d: Record<string, unknown> = data) => ({
    code: "00",
    desc: "success",
    success: true,
    data: d,
    signature: sign(d),
  })

  it("signs the data fields sorted by key as key=value&…, null as empty", () => {
    expect(
      payosSignedText({ b: 2, a: "x", c: null, d: [{ z: 1, y: 2 }] })
    ).toBe('a=x&b=2&c=&d=[{"y":2,"z":1}]')
    expect(payosSignedText(data)).toMatch(
      /^accountNumber=0901234567&amount=320000&code=00&counterAccountBankId=970415&counterAccountBankName=&/
    )
  })

  it("accepts a good signature, refuses a bad or tampered one with 401", () => {
    expect(() => verifyPayos(delivery(), { checksum_key: KEY })).not.toThrow()
    expect(
      status(() => verifyPayos(delivery(), { checksum_key: `${KEY}-other` }))
    ).toBe(401)
    const tampered = { ...delivery(), data: { ...data, amount: 3200000 } }
    expect(status(() => verifyPayos(tampered, { checksum_key: KEY }))).toBe(401)
    expect(status(() => verifyPayos({ data }, { checksum_key: KEY }))).toBe(401)
    expect(status(() => verifyPayos("nope", { checksum_key: KEY }))).toBe(401)
    expect(status(() => verifyPayos(null, { checksum_key: KEY }))).toBe(401)
  })

  it("maps the fields: description and orderCode as the memo, the payer, the bank reference", () => {
    const [line] = parsePayos(delivery())
    expect(line).toMatchObject({
      external_id: "FT26334XYZ",
      account: "0901234567",
      amount: "320000",
      currency_code: "VND",
      direction: "in",
      memo: "CSW1 DH77K 4711",
      counterparty_name: "NGUYEN VAN D",
      counterparty_account: "5566",
      bank_references: ["FT26334XYZ"],
    })
    expect(line.booked_at.toISOString()).toBe("2026-11-30T03:20:30.000Z")
    expect(line.raw).toEqual(delivery())
    expect(parsePayos(delivery({ ...data, code: "01" }))).toEqual([])
    expect(status(() => parsePayos(delivery({ ...data, amount: 1.5 })))).toBe(
      400
    )
    expect(
      status(() => parsePayos(delivery({ ...data, transactionDateTime: "x" })))
    ).toBe(400)
    expect(status(() => parsePayos({ data: [] }))).toBe(400)
  })
})
