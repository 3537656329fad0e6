import { amountReason } from "../../../lib/match/amounts"
import { reasonText } from "../reasons"
import { translator } from "./translate"

const vi = translator("vi")
const en = translator("en")
const plain = (s: string) => s.replace(/\u00a0/g, " ")

describe("the matcher's reasons in the admin's language", () => {
  it("written from code and params, amounts formatted exactly in the language", () => {
    const r = amountReason(1_260_000n, 1_280_000n, "VND", 50_000n)
    expect(r.code).toBe("amount_within_tolerance")
    expect(plain(reasonText(r, vi, "vi"))).toBe(
      "số tiền chênh 20.000 ₫ (đã chuyển 1.260.000 ₫, còn phải trả 1.280.000 ₫), trong mức dung sai 50.000 ₫"
    )
    expect(plain(reasonText(r, en, "en"))).toBe(
      "amount differs by ₫20,000 (₫1,260,000 paid, ₫1,280,000 remaining), within the ₫50,000 tolerance"
    )
    const usd = amountReason(9007199254740993n, 9007199254740993n, "USD")
    expect(plain(reasonText(usd, en, "en"))).toBe(
      "amount equals the $90,071,992,547,409.93 remaining"
    )
  })

  it("codes that read differently by their params", () => {
    const check = (params: Record<string, string>) =>
      reasonText(
        { code: "reference_check_invalid", message: "x", params },
        vi,
        "vi"
      )
    expect(check({ found: "DH1042", check: "", expected: "DH1042K" })).toBe(
      "tìm thấy mã DH1042 nhưng thiếu ký tự kiểm tra (đúng là DH1042K)"
    )
    expect(check({ found: "DH1042X", check: "X", expected: "DH1042K" })).toBe(
      "tìm thấy mã DH1042X nhưng ký tự kiểm tra sai (đúng là DH1042K)"
    )
    expect(
      reasonText(
        {
          code: "company_matches",
          message: "x",
          params: { company: "ABC", similarity: "86" },
        },
        en,
        "en"
      )
    ).toBe("company name “ABC” nearly matches (86%)")
  })

  it("a reason stored without params, or of an unknown code, shows the server's message", () => {
    expect(
      reasonText(
        { code: "reference_found", message: "reference DH1 found" },
        vi
      )
    ).toBe("reference DH1 found")
    expect(
      reasonText({ code: "new_code", message: "something", params: {} }, vi)
    ).toBe("something")
  })
})
