import en from "./json/en.json"
import vi from "./json/vi.json"

/**
 * Translations of the plugin's admin screens, merged by Medusa's admin (2.11.1+) into its own
 * react-i18next resources: keys live under "bankTransfer" so that they never clash with the
 * dashboard's. English is the fallback; Vietnamese follows the dashboard's language setting.
 */
export default {
  en: { translation: en },
  vi: { translation: vi },
}
