import { currencyDecimals, formatMoney, formatNumber } from "./money"
import type { Translate } from "./i18n"

/**
 * An audit event's message as the accountant reads it, in the admin's language. The server writes
 * these in English with raw amounts ("Awaiting 1280000 VND with memo …"); the ones the plugin knows
 * are rewritten from their parts, and any other keeps its words with its amounts formatted
 * ("1280000 VND" → "1.280.000 ₫"). Shoppers' and admins' own words (reasons, messages) are shown
 * as they wrote them.
 */
export function timelineMessage(
  e: { action: string; message: string | null },
  t: Translate,
  locale?: string
): string | null {
  const message = e.message?.trim()
  if (!message) {
    return null
  }
  const awaiting = message.match(
    /^Awaiting (-?\d+(?:\.\d+)?) ([A-Z]{3}) with memo "(.*)"$/s
  )
  if (e.action === "expectation_created" && awaiting) {
    return t("bankTransfer.timeline.awaiting", {
      amount: formatMoney(awaiting[1], awaiting[2], locale),
      memo: awaiting[3],
    })
  }
  const suggested = message.match(/^Suggested with score (\d+(?:\.\d+)?)$/)
  if (e.action === "suggested" && suggested) {
    return t("bankTransfer.timeline.suggested", {
      score: formatNumber(Math.round(Number(suggested[1])), locale),
    })
  }
  if (
    e.action === "suggestion_rejected" &&
    message === "Not this transaction"
  ) {
    // The default reason: the title already says it.
    return null
  }
  const committed = message.match(
    /^(.*): (\d+) new line\(s\)(?:, (\d+) unreadable line\(s\) left out)?$/s
  )
  if (e.action === "statement_committed" && committed) {
    const added = t("bankTransfer.timeline.newLines", {
      count: Number(committed[2]),
    })
    return committed[3]
      ? `${committed[1]}: ${added}, ${t("bankTransfer.importLines.leftOut", { count: Number(committed[3]) })}`
      : `${committed[1]}: ${added}`
  }
  return message.replace(
    /(^|[^\w.,])(-?\d+(?:\.\d+)?) ([A-Z]{3})\b/g,
    (all, before: string, amount: string, code: string) => {
      // Only ISO 4217 codes: "order 1042 VNX" is not money.
      return currencyDecimals(code) === null
        ? all
        : `${before}${formatMoney(amount, code, locale)}`
    }
  )
}
