import {
  AmountError,
  currencyDecimals,
  formatMoney,
  fromMinorUnits,
  isCurrencyCode,
  parseAmountInCurrency,
  toMinorUnits,
  UnknownCurrencyError,
} from "../minor-units"

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

describe("ISO 4217 minor units", () => {
  it("takes each currency's exponent from ISO's table, not from Intl's display digits", () => {
    expect(currencyDecimals("VND")).toBe(0)
    expect(currencyDecimals("vnd")).toBe(0)
    expect(currencyDecimals("JPY")).toBe(0)
    expect(currencyDecimals("USD")).toBe(2)
    expect(currencyDecimals("EUR")).toBe(2)
    expect(currencyDecimals("KWD")).toBe(3)
    expect(currencyDecimals("CLF")).toBe(4)
    // Intl (CLDR) shows these without decimals; ISO gives them two, and banks book cents in them.
    for (const code of ["IDR", "HUF", "COP"]) {
      expect(currencyDecimals(code)).toBe(2)
      expect(
        new Intl.NumberFormat("en", {
          style: "currency",
          currency: code,
        }).resolvedOptions().maximumFractionDigits
      ).toBe(0)
    }
    expect(toMinorUnits("1250.75", "IDR")).toBe(125075n)
    expect(fromMinorUnits(1500n, "KWD")).toBe("1.500")
  })

  it("refuses a code ISO does not list instead of guessing two decimals", () => {
    expect(isCurrencyCode("VND")).toBe(true)
    expect(isCurrencyCode("XYZ")).toBe(false)
    expect(isCurrencyCode("HRK")).toBe(false) // withdrawn in 2023
    expect(() => currencyDecimals("XYZ")).toThrow(UnknownCurrencyError)
    expect(() => currencyDecimals("XYZ")).toThrow(
      '"XYZ" is not an ISO 4217 currency code'
    )
    expect(() => toMinorUnits("10", "ABC")).toThrow(
      /"ABC" is not an ISO 4217 currency code/
    )
    expect(() => fromMinorUnits(10n, "")).toThrow(UnknownCurrencyError)
  })
})

describe("parseAmountInCurrency", () => {
  const refusal = (fn: () => unknown) => {
    try {
      fn()
    } catch (e) {
      expect(e).toBeInstanceOf(AmountError)
      return {
        field: (e as AmountError).field,
        reason: (e as AmountError).reason,
        message: (e as Error).message,
      }
    }
    throw new Error("not refused")
  }

  it("returns the amount normalised to the currency's decimals", () => {
    expect(parseAmountInCurrency("2430000", "VND", "amount")).toBe("2430000")
    expect(parseAmountInCurrency("2430000.00", "vnd", "amount")).toBe("2430000")
    expect(parseAmountInCurrency(" 0012.5 ", "USD", "amount")).toBe("12.50")
    expect(parseAmountInCurrency(12.5, "EUR", "amount")).toBe("12.50")
    expect(parseAmountInCurrency(1000000, "VND", "transferAmount")).toBe(
      "1000000"
    )
    expect(parseAmountInCurrency(7n, "JPY", "amount")).toBe("7")
    expect(parseAmountInCurrency("1.5", "KWD", "amount")).toBe("1.500")
    expect(
      parseAmountInCurrency("0", "VND", "tolerance", { allowZero: true })
    ).toBe("0")
    expect(
      parseAmountInCurrency("-12.5", "USD", "amount", { allowNegative: true })
    ).toBe("-12.50")
  })

  it("names the field and says what is wrong", () => {
    expect(
      refusal(() => parseAmountInCurrency("1000.5", "VND", "amount"))
    ).toEqual({
      field: "amount",
      reason: "too_many_decimals",
      message: "amount: 1000.5 has more decimals than VND allows (0)",
    })
    expect(
      refusal(() =>
        parseAmountInCurrency("2430000.5", "VND", "transactions.0.amount")
      ).message
    ).toBe(
      "transactions.0.amount: 2430000.5 has more decimals than VND allows (0)"
    )
    expect(
      refusal(() =>
        parseAmountInCurrency("1.234", "USD", "allocations.0.amount")
      ).message
    ).toBe("allocations.0.amount: 1.234 has more decimals than USD allows (2)")
    expect(
      refusal(() => parseAmountInCurrency("1.250.000,50", "VND", "amount"))
    ).toMatchObject({
      reason: "not_an_amount",
      message:
        'amount: "1.250.000,50" is not a decimal amount such as "1250000" or "12.50"',
    })
    expect(
      refusal(() => parseAmountInCurrency("10", "XYZ", "amount"))
    ).toMatchObject({
      reason: "unknown_currency",
      message: 'amount: "XYZ" is not an ISO 4217 currency code',
    })
    expect(
      refusal(() => parseAmountInCurrency("0", "VND", "amount"))
    ).toMatchObject({
      reason: "not_positive",
      message: "amount: 0 is not a positive amount",
    })
    expect(
      refusal(() => parseAmountInCurrency("-5", "VND", "amount"))
    ).toMatchObject({ reason: "negative", message: "amount: -5 is negative" })
    expect(
      refusal(() => parseAmountInCurrency("1e6", "VND", "amount")).reason
    ).toBe("not_an_amount")
    expect(
      refusal(() => parseAmountInCurrency(1e21, "VND", "amount")).reason
    ).toBe("not_an_amount")
    expect(
      refusal(() => parseAmountInCurrency(Number.NaN, "VND", "amount")).reason
    ).toBe("not_an_amount")
    expect(
      refusal(() => parseAmountInCurrency(null, "VND", "amount")).message
    ).toBe(
      'amount: missing, expected a decimal amount such as "1250000" or "12.50"'
    )
    expect(
      refusal(() => parseAmountInCurrency("1234567890123456", "VND", "amount"))
        .reason
    ).toBe("too_large")
  })
})
