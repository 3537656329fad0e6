import {
  checkLetter,
  isValidReference,
  makeMemo,
  makeReference,
  validatePrefix,
  CHECK_ALPHABET,
} from "../reference"

describe("payment references", () => {
  it("is prefix + order number + check letter, letters and digits only", () => {
    expect(makeReference("DH", 1042)).toMatch(/^DH1042[A-Z]$/)
    expect(makeReference("DH", "001042")).toBe(makeReference("DH", 1042))
    expect(isValidReference(makeReference("DH", 1042), "DH")).toBe(true)
  })

  it("never uses I, L or O as a check letter", () => {
    for (let n = 1; n < 5000; n++) {
      expect("ILO").not.toContain(checkLetter(`DH${n}`))
    }
    expect(CHECK_ALPHABET).toHaveLength(23)
  })

  it("catches every single wrong digit and every swap of neighbouring digits", () => {
    for (let n = 1; n < 3000; n += 7) {
      const digits = String(n * 13 + 100000)
      const check = checkLetter(`DH${digits}`)
      for (let i = 0; i < digits.length; i++) {
        for (let d = 0; d <= 9; d++) {
          if (String(d) === digits[i]) {
            continue
          }
          const typo = digits.slice(0, i) + d + digits.slice(i + 1)
          expect(checkLetter(`DH${typo}`)).not.toBe(check)
        }
        if (i + 1 < digits.length && digits[i] !== digits[i + 1]) {
          const swapped =
            digits.slice(0, i) + digits[i + 1] + digits[i] + digits.slice(i + 2)
          expect(checkLetter(`DH${swapped}`)).not.toBe(check)
        }
      }
    }
  })

  it("refuses confusable or overlong prefixes", () => {
    expect(validatePrefix("DH")).toBeNull()
    expect(validatePrefix("OL")).not.toBeNull()
    expect(validatePrefix("ABCDEFG")).not.toBeNull()
    expect(() => makeReference("dh", 1)).toThrow(/prefix/)
  })

  it("puts the business customer's tax code in the memo, within 25 characters", () => {
    const ref = makeReference("DH", 1042)
    expect(makeMemo({ reference: ref, taxCode: "0101234567-001" })).toBe(
      `${ref} 0101234567001`
    )
    expect(makeMemo({ reference: ref })).toBe(ref)
    const long = makeReference("ABCDEF", 123456789012)
    expect(makeMemo({ reference: long, taxCode: "0101234567001" })).toBe(long)
    expect(
      makeMemo({ reference: long, taxCode: "0101234567001" }).length
    ).toBeLessThanOrEqual(25)
  })
})
