import { useMemo } from "react"
import { useTranslation } from "react-i18next"
import type { Amount } from "../../types/http"
import { formatMoney, formatNumber } from "../lib/money"
import { formatDate, formatDateTime } from "../lib/dates"
import type { Translate } from "../lib/i18n"

/**
 * The plugin's texts, money and dates in the admin's language. Medusa's dashboard keeps the
 * language in its i18next instance (profile → language; detected from the `lng` cookie and
 * localStorage), and merges src/admin/i18n into its resources: `i18n.language` is "vi", "en" or
 * any other language of the dashboard (whose texts then fall back to English, while numbers and
 * dates still follow that language).
 */
export function useI18n() {
  const { t, i18n } = useTranslation()
  const lang = i18n.language || "en"
  return useMemo(
    () => ({
      t: t as unknown as Translate,
      lang,
      money: (amount: Amount, currency?: string) =>
        formatMoney(amount, currency, lang),
      number: (value: number) => formatNumber(value, lang),
      dateTime: (value: string | Date | null | undefined, timeZone?: string) =>
        formatDateTime(value, timeZone, lang),
      date: (value: string | Date | null | undefined) =>
        formatDate(value, lang),
      /** Medusa UI's Table.Pagination says "1 — 20 of 45 results" in English unless told. */
      pagination: {
        of: t("bankTransfer.pagination.of"),
        results: t("bankTransfer.pagination.results"),
        pages: t("bankTransfer.pagination.pages"),
        prev: t("bankTransfer.pagination.prev"),
        next: t("bankTransfer.pagination.next"),
      },
    }),
    [t, lang]
  )
}

export type I18n = ReturnType<typeof useI18n>
