import { amountString, formatMoney, parseAmountInput, remainingOf } from "../money"

// Intl puts a no-break space before the currency sign.
const vnd = (a: Parameters<typeof formatMoney>[0], c?: string) => formatMoney(a, c).replace(/\s/g, " ")

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
    expect(remainingOf(100, "150")).toBe(0)
    expect(remainingOf("2430000", 430000)).toBe(2000000)
    expect(amountString("abc")).toBeNull()
  })
})
