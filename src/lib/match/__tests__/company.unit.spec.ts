import {
  companyKey,
  companyLookupToken,
  companySimilarity,
  withinOneEdit,
} from "../company"
import { normaliseMemo } from "../memo"

const tokens = (memo: string) => normaliseMemo(memo).split(" ")

describe("companyKey", () => {
  it.each([
    ["Công ty TNHH Thương mại Dịch vụ Hoàng Phát", "HOANG PHAT"],
    ["CONG TY TNHH TM DV HOANG PHAT", "HOANG PHAT"],
    ["Cty Hoàng Phát", "HOANG PHAT"],
    ["HOANG PHAT CO., LTD", "HOANG PHAT"],
    ["Công ty Cổ phần Sữa Việt Nam", "SUA VIET NAM"],
    ["CÔNG TY TNHH MỘT THÀNH VIÊN XUẤT NHẬP KHẨU AN KHANG", "AN KHANG"],
    ["Công ty CP Thành Công", "THANH CONG"], // "CONG TY" removed as a phrase, the "CONG" of "THANH CONG" kept
    ["Acme Trading JSC", "ACME TRADING"],
    ["CÔNG TY TNHH", ""],
    ["", ""],
  ])("%s → %s", (name, key) => {
    expect(companyKey(name)).toBe(key)
  })
})

describe("companyLookupToken", () => {
  it.each([
    ["Công ty TNHH Hoàng Phát", "HOANG"], // longest
    ["Cty Tân Phú", "TAN"], // tie → first
    ["Cty Minh Anh", "ANH"], // "MINH" (as in Hồ Chí Minh) is too common
    ["Công ty Cổ phần Sữa Việt Nam", "SUA"], // "VIET"/"NAM" are too common to find a company by
    ["Công ty Việt Nam", "VIET"], // only common words: the longest anyway
    ["CÔNG TY TNHH", ""],
  ])("%s → %s", (name, token) => {
    expect(companyLookupToken(name)).toBe(token)
  })
})

describe("withinOneEdit (Damerau-Levenshtein ≤ 1)", () => {
  it.each([
    ["KHANG", "KHANG", true],
    ["KHANG", "KHANH", true], // substitution
    ["KHANG", "KHAGN", true], // transposition
    ["KHANG", "KHANGG", true], // insertion
    ["KHANG", "KHAN", true], // deletion
    ["KHANG", "KAHNH", false],
    ["KHANG", "KHANGGG", false],
  ])("%s / %s", (a, b, ok) => {
    expect(withinOneEdit(a, b)).toBe(ok)
    expect(withinOneEdit(b, a)).toBe(ok)
  })
})

describe("companySimilarity", () => {
  it("is 1 when every word of the key is in the memo", () => {
    expect(
      companySimilarity(
        "HOANG PHAT",
        tokens("CK tu CTY TNHH HOANG PHAT thanh toan")
      )
    ).toBe(1)
  })
  it("tolerates one typo in a word of 5+ letters, slightly less than exact", () => {
    const s = companySimilarity("KHANG THINH", tokens("cty khang thinhh"))
    expect(s).toBeGreaterThanOrEqual(0.8)
    expect(s).toBeLessThan(1)
  })
  it("does not tolerate typos in short words", () => {
    expect(companySimilarity("HOANG PHAT", tokens("HOANG PHATT"))).toBeLessThan(
      0.8
    )
  })
  it("is the share of key words found", () => {
    expect(companySimilarity("AN KHANG PHAT", tokens("AN KHANG"))).toBeCloseTo(
      2 / 3
    )
    expect(companySimilarity("HOANG PHAT", tokens("NGUYEN VAN A"))).toBe(0)
  })
  it("finds a key in a memo whose spaces the bank removed", () => {
    expect(companySimilarity("HOANG PHAT", tokens("CTYTNHHHOANGPHATTT"))).toBe(
      1
    )
  })
  it("is 0 for an empty key", () => {
    expect(companySimilarity("", tokens("HOANG PHAT"))).toBe(0)
    expect(companySimilarity(null, new Set(["HOANG"]))).toBe(0)
  })
})
