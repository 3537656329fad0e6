import { formatMoney, fromMinorUnits, toMinorUnits } from "../minor-units"

describe("exact money", () => {
  it("converts decimal strings without floats", () => {
    expect(toMinorUnits("1250000", "VND")).toBe(1250000n)
    expect(toMinorUnits("12.5", "USD")).toBe(1250n)
    expect(toMinorUnits("0.1", "EUR") + toMinorUnits("0.2", "EUR")).toBe(30n)
    expect(toMinorUnits("1250000.00", "VND")).toBe(1250000n)
    expect(toMinorUnits("99999999999999999", "VND")).toBe(99999999999999999n)
    expect(fromMinorUnits(1250n, "USD")).toBe("12.50")
    expect(fromMinorUnits(5n, "USD")).toBe("0.05")
    expect(fromMinorUnits(2430000n, "VND")).toBe("2430000")
  })

  it("refuses more decimals than the currency has, and non-numbers", () => {
    expect(() => toMinorUnits("10.5", "VND")).toThrow(/decimals/)
    expect(() => toMinorUnits("1.234", "USD")).toThrow(/decimals/)
    expect(() => toMinorUnits("1e6", "VND")).toThrow(/decimal/)
    expect(() => toMinorUnits(1e21, "VND")).toThrow(/exactly/)
  })

  it("formats for people", () => {
    expect(formatMoney(20000n, "VND").replace(/\s/g, " ")).toBe("20.000 ₫")
    expect(formatMoney(1250n, "USD")).toBe("$12.50")
  })
})
