/**
 * The merchant's instructions to the shopper, as configured: one text for every order, one text
 * per language (`{ vi: "…", en: "…" }`), or per currency (ISO 4217 code), each a text or one per
 * language (`{ VND: { vi: "…", en: "…" }, EUR: "…" }`). Language keys are BCP 47 tags ("vi",
 * "en", "en-GB"); currency keys three capital letters.
 */
export type InstructionsOption =
  string | Record<string, string | Record<string, string>>

const CURRENCY_KEY = /^[A-Z]{3}$/

/** The language a shopper paying in `currency` reads when nothing else says: Vietnamese for VND. */
export function defaultLanguageFor(currency: string): string {
  return currency.toUpperCase() === "VND" ? "vi" : "en"
}

/**
 * The text for an order in `currency`, read in `lang` (default: the currency's language). Falls
 * back from "en-GB" to "en", then to the currency's language, then English, then any text; null
 * when nothing is configured for that currency.
 */
export function instructionsText(
  value: InstructionsOption | null | undefined,
  currency: string,
  lang?: string
): string | null {
  if (value === null || value === undefined || typeof value === "string") {
    return value ?? null
  }
  const code = currency.toUpperCase()
  const byCurrency = Object.keys(value).some((k) => CURRENCY_KEY.test(k))
  const forCurrency = byCurrency ? value[code] : value
  if (forCurrency === undefined) {
    return null
  }
  if (typeof forCurrency === "string") {
    return forCurrency
  }
  const wanted = [
    lang,
    lang?.split("-")[0],
    defaultLanguageFor(code),
    "en",
  ].filter((l): l is string => !!l)
  for (const l of wanted) {
    const text = forCurrency[l] ?? forCurrency[l.toLowerCase()]
    if (typeof text === "string") {
      return text
    }
  }
  const any = Object.values(forCurrency).find((t) => typeof t === "string")
  return typeof any === "string" ? any : null
}
