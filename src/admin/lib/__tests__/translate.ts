import i18next from "i18next"
import en from "../../i18n/json/en.json"
import vi from "../../i18n/json/vi.json"
import type { Translate } from "../i18n"

/** The plugin's real translations in a fresh i18next, as Medusa's admin would load them. */
export function translator(lng: "en" | "vi" = "en"): Translate {
  const i18n = i18next.createInstance()
  void i18n.init({
    lng,
    fallbackLng: "en",
    resources: { en: { translation: en }, vi: { translation: vi } },
    interpolation: { escapeValue: false },
    initImmediate: false,
  })
  return i18n.t.bind(i18n) as unknown as Translate
}
