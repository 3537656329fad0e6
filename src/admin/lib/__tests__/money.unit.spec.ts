import {
  compareAmounts,
  minAmount,
  remainingAmount,
  sumAmounts,
  amountString,
  currencyDecimals,
  formatMoney,
  isNonZero,
  parseAmountInput,
} from "../money"

// Intl puts a no-break space before the currency sign.
const vnd = (a: Parameters<typeof formatMoney>[0], c?: string) =>
  formatMoney(a, c).replace(/\s/g, " ")

describe("money", () => {
  it("formats VND the Vietnamese way, whether the amount is a number, a string or a raw bigNumber", () => {
    expect(vnd(2430000, "VND")).toBe("2.430.000 ₫")
    expect(vnd("2430000", "vnd")).toBe("2.430.000 ₫")
    expect(vnd({ value: "2430000" }, "VND")).toBe("2.430.000 ₫")
    expect(formatMoney(null, "VND")).toBe("—")
  })

  it("reads what an accountant types as the decimal string the API accepts", () => {
    expect(parseAmountInput("2.430.000")).toBe("2430000")
    expect(parseAmountInput("2,430,000 đ")).toBe("2430000")
    expect(parseAmountInput("1.000")).toBe("1000")
    expect(parseAmountInput("12.5")).toBe("12.5")
    expect(parseAmountInput("0")).toBeNull()
    expect(parseAmountInput("lots")).toBeNull()
  })

  it("never computes a negative remainder", () => {
    expect(remainingAmount(100, "150")).toBe("0")
    expect(remainingAmount("2430000", 430000)).toBe("2000000")
    expect(amountString("abc")).toBeNull()
  })
})

describe("money in the currency's ISO 4217 minor units", () => {
  it("knows the exponents the server uses, and no others", () => {
    expect([
      currencyDecimals("VND"),
      currencyDecimals("usd"),
      currencyDecimals("IDR"),
      currencyDecimals("KWD"),
    ]).toEqual([0, 2, 2, 3])
    expect(currencyDecimals("XYZ")).toBeNull()
  })

  it("shows the ISO decimals, where Intl alone would drop IDR's", () => {
    expect(formatMoney("1250.5", "IDR").replace(/\s/g, " ")).toBe(
      "IDR 1,250.50"
    )
    expect(formatMoney("1.5", "KWD").replace(/\s/g, " ")).toBe("KWD 1.500")
    expect(formatMoney("12.5", "USD")).toBe("$12.50")
    expect(formatMoney("12.5", "XYZ")).toBe("12.5 XYZ")
  })

  it("refuses an amount finer than the currency when told the currency", () => {
    expect(parseAmountInput("1000.5", "VND")).toBeNull()
    expect(parseAmountInput("1000,50", "VND")).toBeNull()
    expect(parseAmountInput("2.430.000", "VND")).toBe("2430000")
    expect(parseAmountInput("1000.00", "VND")).toBe("1000.00")
    expect(parseAmountInput("12.5", "USD")).toBe("12.5")
    expect(parseAmountInput("1.250", "KWD")).toBe("1.250")
    expect(parseAmountInput("1.250", "USD")).toBe("1250")
    // Without a currency, as before.
    expect(parseAmountInput("1000.5")).toBe("1000.5")
  })

  it("tells a zero amount from money without floats", () => {
    expect(isNonZero("0")).toBe(false)
    expect(isNonZero("0.00")).toBe(false)
    expect(isNonZero(0)).toBe(false)
    expect(isNonZero(null)).toBe(false)
    expect(isNonZero("0.01")).toBe(true)
    expect(isNonZero({ value: "1000000" })).toBe(true)
  })
})

describe("exact amount arithmetic (the match and find-transaction drawers)", () => {
  it("adds and subtracts without float rounding", () => {
    // As Numbers: 0.1 + 0.2 = 0.30000000000000004; 2^53 + 1 is lost.
    expect(sumAmounts(["0.1", "0.2"])).toBe("0.3")
    expect(sumAmounts(["9007199254740993", "1"])).toBe("9007199254740994")
    expect(sumAmounts(["1.005", { value: "2.005" }, null, "abc"])).toBe("3.01")
    expect(remainingAmount("100.30", "100.1")).toBe("0.2")
    expect(remainingAmount("1", "2")).toBe("0")
    expect(remainingAmount("9007199254740993", "0")).toBe("9007199254740993")
  })
  it("compares and picks the smaller exactly", () => {
    expect(compareAmounts("0.3", sumAmounts(["0.1", "0.2"]))).toBe(0)
    expect(compareAmounts("9007199254740993", "9007199254740992")).toBe(1)
    expect(compareAmounts("-1", "0")).toBe(-1)
    expect(minAmount("2430000", "2429999.99")).toBe("2429999.99")
  })
})
