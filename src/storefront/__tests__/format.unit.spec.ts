import {
  defaultLocale,
  formatAmount,
  formatDeadline,
  formatPlainAmount,
} from "../index.ts"
import { todayIn } from "../format.ts"

// Intl writes a no-break space between amount and symbol: compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ")

describe("storefront kit: formatAmount", () => {
  it("writes VND in Vietnamese and EUR in English", () => {
    expect(plain(formatAmount("1280000", "VND", "vi"))).toBe("1.280.000 ₫")
    expect(plain(formatAmount("1280000", "vnd"))).toBe("1.280.000 ₫")
    expect(formatAmount("12.5", "EUR", "en")).toBe("€12.50")
    expect(formatAmount("12.5", "eur")).toBe("€12.50")
    expect(plain(formatAmount("12.5", "EUR", "vi"))).toBe("12,50 €")
  })

  it("is exact beyond a float's precision and leaves non-amounts alone", () => {
    expect(formatAmount("90071992547409931", "VND", "en")).toBe(
      "₫90,071,992,547,409,931"
    )
    expect(formatAmount("12345678901234567.05", "EUR", "en")).toBe(
      "€12,345,678,901,234,567.05"
    )
    expect(formatAmount("abc", "VND")).toBe("abc")
    expect(formatAmount("", "VND")).toBe("")
  })

  it("chooses the language from the currency", () => {
    expect(defaultLocale("VND")).toBe("vi")
    expect(defaultLocale("vnd")).toBe("vi")
    expect(defaultLocale("EUR")).toBe("en")
    expect(defaultLocale(undefined)).toBe("vi")
  })
})

describe("storefront kit: formatPlainAmount", () => {
  it("writes the amount as a shopper types it", () => {
    expect(formatPlainAmount("1280000", "VND", "vi")).toBe("1.280.000")
    expect(formatPlainAmount("1280000", "VND", "en")).toBe("1,280,000")
    expect(formatPlainAmount("12.5", "EUR", "en")).toBe("12.50")
    expect(formatPlainAmount("1234.5", "EUR", "vi")).toBe("1.234,50")
  })
})

describe("storefront kit: formatDeadline", () => {
  it("is the last day before the hold starts, in the shop's zone", () => {
    // On hold from 00:00 on 9 December in Vietnam (17:00 UTC on the 8th): the last day is the 8th.
    const due = "2026-12-08T17:00:00.000Z"
    expect(formatDeadline(due, "VND", "vi")).toMatch(/8.*12.*2026/)
    expect(formatDeadline(due, "VND", "vi")).toMatch(/Thứ Ba/)
    expect(formatDeadline(due, "VND", "en")).toMatch(
      /Tuesday.*December 8, 2026|Tuesday, 8 December 2026/
    )
    // In Berlin the same instant is 18:00 on the 8th: still the 8th.
    expect(formatDeadline(due, "EUR", "en", "Europe/Berlin")).toMatch(
      /December 8/
    )
    expect(
      formatDeadline("2026-12-08T23:00:00.000Z", "EUR", "en", "Europe/Berlin")
    ).toMatch(/December 8/)
    expect(formatDeadline(null, "VND")).toBe("")
    expect(formatDeadline("not a date", "VND")).toBe("")
  })

  it("gives today's date in a zone", () => {
    const at = new Date("2026-12-03T20:00:00Z")
    expect(todayIn("Asia/Ho_Chi_Minh", at)).toBe("2026-12-04")
    expect(todayIn("UTC", at)).toBe("2026-12-03")
  })
})

describe("storefront kit: formatAmount on engines without string formatting", () => {
  it("stays exact through BigInt", () => {
    const Original = Intl.NumberFormat
    // An older engine: strings become floats first
    const Old = function (this: unknown, ...args: any[]) {
      const nf = new Original(...(args as [any, any]))
      return {
        format: (v: unknown) =>
          nf.format(typeof v === "string" ? Number(v) : (v as number)),
        formatToParts: (v: number | bigint) => nf.formatToParts(v),
        resolvedOptions: () => nf.resolvedOptions(),
      }
    } as unknown as typeof Intl.NumberFormat
    Intl.NumberFormat = Old
    try {
      jest.isolateModules(() => {
        // a fresh module, so that it looks at the engine again
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { formatAmount: old } = require("../format.ts")
        expect(old("90071992547409931", "VND", "en")).toBe(
          "₫90,071,992,547,409,931"
        )
        expect(plain(old("1280000", "VND", "vi"))).toBe("1.280.000 ₫")
        expect(old("12.5", "EUR", "en")).toBe("€12.50")
        expect(old("-12.05", "EUR", "en")).toBe("-€12.05")
      })
    } finally {
      Intl.NumberFormat = Original
    }
  })
})
