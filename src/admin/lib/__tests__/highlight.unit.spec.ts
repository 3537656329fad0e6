import { highlightMemo } from "../highlight"

/** The memo with the matched parts in [brackets], to compare whole results at a glance. */
const marked = (memo: string, ids: Parameters<typeof highlightMemo>[1]) =>
  highlightMemo(memo, ids)
    .map((s) => (s.match ? `[${s.text}]` : s.text))
    .join("")

describe("highlightMemo", () => {
  it("marks the reference whatever the case and separators", () => {
    expect(
      marked("MBVCB.3278907687.dh 1042-k.CT tu 0011", {
        reference: "DH1042K",
        order_number: "1042",
      })
    ).toBe("MBVCB.3278907687.[dh 1042-k].CT tu 0011")
  })

  it("marks a near miss: the reference without its check letter", () => {
    expect(
      marked("thanh toan DH1042X", {
        reference: "DH1042K",
        order_number: "1042",
      })
    ).toBe("thanh toan [DH1042]X")
  })

  it("does not mark an order number inside a longer number", () => {
    expect(marked("TK 3271042889 chuyen", { order_number: "1042" })).toBe(
      "TK 3271042889 chuyen"
    )
    expect(marked("don 1042 0101234567", { order_number: "1042" })).toBe(
      "don [1042] 0101234567"
    )
  })

  it("marks tax codes with or without the branch suffix, and phones as 0… or 84…", () => {
    expect(
      marked("CTY HOA SEN 0101234567 001", { tax_code: "0101234567-001" })
    ).toBe("CTY HOA SEN [0101234567 001]")
    expect(marked("MST 0101234567", { tax_code: "0101234567-001" })).toBe(
      "MST [0101234567]"
    )
    expect(marked("CT tu 84912345678", { phone: "0912345678" })).toBe(
      "CT tu [84912345678]"
    )
  })

  it("reads diacritics the way banks drop them", () => {
    expect(marked("Đơn DH1042K", { reference: "DH1042K" })).toBe(
      "Đơn [DH1042K]"
    )
  })

  it("keeps the memo intact when nothing matches, and copes with no memo", () => {
    expect(marked("<b>hello</b>", { reference: "DH1042K" })).toBe(
      "<b>hello</b>"
    )
    expect(highlightMemo("", { reference: "DH1042K" })).toEqual([])
  })
})
