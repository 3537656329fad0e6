import { parseShownAmount } from "../shown-amount"
import { AmountError } from "../minor-units"

describe("parseShownAmount", () => {
  it.each([
    ["1.280.000", "VND", "vi", "1280000"],
    ["1,280,000", "VND", "en", "1280000"],
    ["1.280.000", "VND", "en", "1280000"],
    ["1280000", "VND", "vi", "1280000"],
    ["1.280.000 ₫", "VND", "vi", "1280000"],
    ["1.280.000₫", "VND", "vi", "1280000"],
    ["1,280,000 VND", "VND", "en", "1280000"],
    ["1 280 000 đ", "VND", "vi", "1280000"],
    ["1\u00a0280\u00a0000 đồng", "VND", "vi", "1280000"],
    ["1.280", "VND", "vi", "1280"],
    ["1280000.00", "VND", "en", "1280000"],
    ["12.50", "USD", "en", "12.50"],
    ["12,50", "USD", "vi", "12.50"],
    ["$1,234.56", "USD", "en", "1234.56"],
    ["1.234,56", "USD", "vi", "1234.56"],
    ["1,234", "USD", "en", "1234.00"],
    ["1.234", "USD", "en", "1.234"],
    ["999.999.999.999.999", "VND", "vi", "999999999999999"],
  ])("%s %s (%s) → %s", (text, currency, style, expected) => {
    if (expected === "1.234") {
      // "." is English's decimal mark: 1.234 dollars has too many decimals.
      expect(() =>
        parseShownAmount(text, currency, "amount", style as "en")
      ).toThrow(/more decimals than USD/)
      return
    }
    expect(parseShownAmount(text, currency, "amount", style as "vi")).toBe(
      expected
    )
  })

  it.each([
    "1.28.000",
    "12,80,000",
    "1.280.000,5",
    "abc",
    "1.280.",
    "",
    "0",
    "-1.000",
    "1e6",
    "1.280,000.000",
  ])("refuses %j for VND with an AmountError naming the field", (text) => {
    expect(() => parseShownAmount(text, "VND", "amount", "vi")).toThrow(
      AmountError
    )
    expect(() => parseShownAmount(text, "VND", "amount", "vi")).toThrow(
      /^amount: /
    )
  })
})
