import { checkLetter, isValidCheck } from "../../identifiers/check-letter"
import { extractIdentifiers, normaliseMemo } from "../memo"

const ids = (memo: string, prefixes = ["DH"]) =>
  extractIdentifiers(memo, { prefixes })
const refs = (memo: string) =>
  ids(memo).references.map(
    (r) => `${r.body}:${r.check ?? "-"}:${r.checkValid ? "ok" : "bad"}`
  )

describe("check letter", () => {
  it("is Σ base36 × position mod 23 over an alphabet without I, L, O", () => {
    // D=13, H=17, 1, 0, 4, 2 → 13 + 34 + 3 + 0 + 20 + 12 = 82; 82 mod 23 = 13 → "Q"
    expect(checkLetter("DH1042")).toBe("Q")
    expect(checkLetter("DH1043")).toBe("W")
    expect(isValidCheck("DH1042", "Q")).toBe(true)
    expect(isValidCheck("DH1042", "K")).toBe(false)
    expect(isValidCheck("DH1042", null)).toBe(false)
    for (let n = 1; n < 3000; n++) {
      expect("ILO").not.toContain(checkLetter(`DH${n}`))
    }
  })
})

describe("normaliseMemo", () => {
  it.each([
    ["Thanh toán đơn hàng DH1042Q", "THANH TOAN DON HANG DH1042Q"],
    ["ĐẶNG VĂN ĐỨC chuyển tiền", "DANG VAN DUC CHUYEN TIEN"],
    ["MBVCB.3278907687.DH1042Q.CT tu", "MBVCB 3278907687 DH1042Q CT TU"],
    ["  --dh__1042//q--  ", "DH 1042 Q"],
    ["", ""],
  ])("%s → %s", (raw, normalised) => {
    expect(normaliseMemo(raw)).toBe(normalised)
  })
  it("accepts null", () => expect(normaliseMemo(null)).toBe(""))
})

describe("references", () => {
  it.each([
    ["DH1042Q", ["DH1042:Q:ok"]],
    ["dh1042q", ["DH1042:Q:ok"]],
    ["DH 1042 Q", ["DH1042:Q:ok"]],
    ["DH.1042.Q", ["DH1042:Q:ok"]],
    ["DH-1042-Q", ["DH1042:Q:ok"]],
    ["DH01042Q", ["DH1042:Q:ok"]],
    ["DH 001042 Q", ["DH1042:Q:ok"]],
    ["MBVCB.3278907687.DH1042Q.CT tu 0123 toi 456", ["DH1042:Q:ok"]],
    ["IBFT DH1042Q", ["DH1042:Q:ok"]],
    ["3278907687DH1042Q", ["DH1042:Q:ok"]],
    ["THANHTOANDH1042QCAMON", ["DH1042:Q:ok"]],
    ["DH1042QCT tu 0011004123456", ["DH1042:Q:ok"]],
    ["DH1042A", ["DH1042:A:bad"]],
    ["DH1042", ["DH1042:-:bad"]],
    ["Thanh toan DH1042 cam on", ["DH1042:-:bad"]],
    ["DH1042 THANH TOAN", ["DH1042:-:bad"]],
    ["DH1042Q DH1043W", ["DH1042:Q:ok", "DH1043:W:ok"]],
    ["DH1042Q lan 2 DH1042Q", ["DH1042:Q:ok"]],
  ])("%s", (memo, expected) => {
    expect(refs(memo)).toEqual(expected)
  })

  it("does not take a prefix glued inside a word for a reference without a valid check letter", () => {
    expect(refs("MADH1042")).toEqual([])
    expect(refs("MADH1042A")).toEqual([])
    expect(refs("DHL 1042")).toEqual([])
  })

  it("ignores a prefix followed by a long number", () => {
    expect(refs("DH1234567890123")).toEqual([])
  })

  it("works with several prefixes, the longest first", () => {
    const r = extractIdentifiers("SHOP1042 and DH7Z", {
      prefixes: ["dh", "SHOP"],
    }).references
    expect(r.map((x) => x.body)).toEqual(["SHOP1042", "DH7"])
    expect(r[1].checkValid).toBe(true)
  })

  it("finds nothing with no prefixes configured", () => {
    expect(extractIdentifiers("DH1042Q", { prefixes: [] }).references).toEqual(
      []
    )
  })
})

describe("order numbers", () => {
  it.each([
    ["don hang 1042", ["1042"]],
    ["DH 1042", ["1042"]],
    ["order #1042", ["1042"]],
    ["thanh toan don 1042", ["1042"]],
    ["Thanh toán đơn hàng số 01042", ["1042"]],
    ["DH1042Q", ["1042"]],
    ["don1042", ["1042"]],
    ["tt 1077P", ["1077"]], // prefix dropped, check letter right
    ["chuyen 500k", []], // "500k" = 500,000 đồng, K is not the check letter of DH500
    ["MBVCB.3278907687.chuyen tien", []],
    ["CT tu 0011004123456 toi 19036543210012 don 1042", ["1042"]],
    ["CT tu 0123 toi 456", []],
    ["FT24123456789 don 1042", ["1042"]],
    ["GD 123456 don 1042", ["1042"]],
    ["tt don 1042 ngay 12/05/2024 luc 10:30:15", ["1042"]],
    ["tt don 1042 2024-05-12", ["1042"]],
    ["123456789 don 7", ["7"]],
  ])("%s → %j", (memo, expected) => {
    expect(ids(memo).orderNumbers).toEqual(expected)
  })
})

describe("tax codes", () => {
  it.each([
    ["MST 0101234567", ["0101234567"], []],
    ["MST: 0101234567-001", ["0101234567001"], ["0101234567"]],
    ["0101234567 001 tt don 5", ["0101234567001"], ["0101234567"]],
    ["MST0101234567001", ["0101234567001"], ["0101234567"]],
    ["ma so thue 0300588569", ["0300588569"], []],
    ["MST 001099012345", ["001099012345"], []],
    ["001099012345 tt", [], []], // 12 digits without MST: an ID card or account, not a tax code
    ["MBVCB.3278907687.tt", [], []],
    ["CT tu 0011004123456 toi 19036543210012", [], []],
  ])("%s", (memo, taxCodes, heads) => {
    const r = ids(memo)
    expect(r.taxCodes).toEqual(taxCodes)
    expect(r.taxCodeHeads).toEqual(heads)
  })

  it("does not read the branch suffix as an order number", () => {
    expect(ids("MST 0101234567-001").orderNumbers).toEqual([])
  })
})

describe("phones", () => {
  it.each([
    ["sdt 0912345678", ["0912345678"]],
    ["84912345678", ["0912345678"]],
    ["+84 912 345 678", ["0912345678"]],
    ["+84912345678", ["0912345678"]],
    ["0912 345 678", ["0912345678"]],
    ["091.234.5678", ["0912345678"]],
    ["SDT 912345678", ["0912345678"]],
    ["SDT0912345678 don 5", ["0912345678"]],
    ["912345678", []], // 9 digits without a phone label
    ["TK 0912345678", []], // an account number written after TK
  ])("%s → %j", (memo, phones) => {
    expect(ids(memo).phones).toEqual(phones)
  })

  it("a 10-digit number starting with 0 is reported as both phone and tax code", () => {
    const r = ids("0101234567")
    expect(r.phones).toEqual(["0101234567"])
    expect(r.taxCodes).toEqual(["0101234567"])
  })

  it("grouped phone digits are not order numbers", () => {
    expect(ids("+84 912 345 678 don 1042").orderNumbers).toEqual(["1042"])
  })
})

describe("tokens", () => {
  it("are the normalised words, each once", () => {
    expect(ids("Cty TNHH Hoàng Phát - Hoàng Phát").tokens).toEqual([
      "CTY",
      "TNHH",
      "HOANG",
      "PHAT",
    ])
  })
})

describe("a lone digit is not an order number without a marker", () => {
  it.each([
    ["MBVCB.3278907687.5.DH1042Q", ["1042"]],
    ["CT tu 0071000123456 toi 1 NGUYEN VAN A thanh toan DH39A", ["39"]],
    ["IBBIZ6076649616.017669.NGUYEN VAN A thanh toan DH39A", ["39"]],
    ["FT25335123456 1 chuyen khoan", []],
    ["lan 2 thanh toan DH1042Q", ["1042"]],
    ["TT 1 DH1042Q", ["1042"]],
    ["chuyen tien 5", []],
    ["chuyen tien 05", []],
    ["tt 42", ["42"]],
    // An explicit marker makes a single digit an order number.
    ["thanh toan don 5", ["5"]],
    ["don hang so 7", ["7"]],
    ["Đơn hàng số 7", ["7"]],
    ["order #5", ["5"]],
    ["#5", ["5"]],
    ["order no 5", ["5"]],
    ["don5", ["5"]],
    ["DH 5", ["5"]],
    ["DH5", ["5"]],
  ])("%s → %j", (memo, expected) => {
    expect(ids(memo).orderNumbers).toEqual(expected)
  })
})
