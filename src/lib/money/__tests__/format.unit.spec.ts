import { formatMoney } from "../format"
import { toMinorUnits } from "../minor-units"

describe("formatMoney", () => {
  it("shows the đồng without decimals, Vietnamese grouping", () => {
    expect(formatMoney(1_500_000n, "VND").replace(/\s/g, " ")).toBe(
      "1.500.000 ₫"
    )
  })

  it("shows exactly the ISO minor units that toMinorUnits counted", () => {
    expect(formatMoney(toMinorUnits("12.5", "USD"), "USD")).toBe("$12.50")
    // Intl would print IDR and HUF without decimals although their minor units are cents.
    expect(
      formatMoney(toMinorUnits("15000.25", "IDR"), "IDR").replace(/\s/g, " ")
    ).toBe("IDR 15,000.25")
    expect(
      formatMoney(toMinorUnits("1.234", "KWD"), "KWD").replace(/\s/g, " ")
    ).toBe("KWD 1.234")
  })

  it("stays exact beyond a float's precision, and signs negatives", () => {
    expect(formatMoney(123456789012345678901n, "USD")).toBe(
      "$1,234,567,890,123,456,789.01"
    )
    expect(formatMoney(-5n, "USD")).toBe("-$0.05")
  })
})
