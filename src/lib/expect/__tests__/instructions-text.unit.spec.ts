import { defaultLanguageFor, instructionsText } from "../instructions-text"

describe("the merchant's instructions per currency and language", () => {
  it("one text serves every order", () => {
    expect(instructionsText("Chuyển khoản đúng số tiền", "EUR", "en")).toBe(
      "Chuyển khoản đúng số tiền"
    )
    expect(instructionsText(null, "VND")).toBeNull()
  })

  it("one text per language: the shopper's, else the currency's language", () => {
    const texts = {
      vi: "Chuyển khoản đúng số tiền",
      en: "Transfer the exact amount",
    }
    expect(instructionsText(texts, "VND")).toBe(texts.vi)
    expect(instructionsText(texts, "EUR")).toBe(texts.en)
    expect(instructionsText(texts, "VND", "en-GB")).toBe(texts.en)
    expect(instructionsText(texts, "EUR", "fr")).toBe(texts.en)
  })

  it("per currency: a EUR shopper never reads the VND text", () => {
    const texts = {
      VND: { vi: "Chuyển khoản đúng số tiền", en: "Transfer the exact amount" },
      EUR: "Please pay by SEPA transfer within 7 days",
    }
    expect(instructionsText(texts, "eur", "vi")).toBe(texts.EUR)
    expect(instructionsText(texts, "VND")).toBe(texts.VND.vi)
    expect(instructionsText(texts, "VND", "en")).toBe(texts.VND.en)
    expect(instructionsText(texts, "USD")).toBeNull()
  })

  it("Vietnamese for VND, English otherwise", () => {
    expect(defaultLanguageFor("vnd")).toBe("vi")
    expect(defaultLanguageFor("EUR")).toBe("en")
  })
})
