import { formatMoney, isNonZero } from "./money"
import type { Amount } from "../../types/http"
import type { Translate } from "./i18n"

/** Expectation statuses in which the order waits for its transfer (the banner shows). */
export const WAITING_STATUSES = [
  "awaiting_transfer",
  "partially_paid",
  "awaiting_customer_confirmation",
  "customer_confirmed",
  "tentatively_canceled",
  "needs_attention",
]

export type WaitingBanner = {
  variant: "warning" | "error"
  title: string
  detail: string
}

/**
 * What the top of the order page says while the order waits for its bank transfer, or null once
 * it is paid (or closed). `amount_*` as the API gives them; `attention_reason` may be absent.
 * `locale` formats the money in the admin's language.
 */
export function waitingBanner(
  e: {
    status: string
    currency_code: string
    amount_due: Amount
    amount_received: Amount
    amount_remaining: Amount
    attention_reason?: string | null
  },
  t: Translate,
  locale?: string
): WaitingBanner | null {
  if (!WAITING_STATUSES.includes(e.status)) {
    return null
  }
  const money = (a: Amount) => formatMoney(a, e.currency_code, locale)
  const toReceive = isNonZero(e.amount_received)
    ? t("bankTransfer.waiting.receivedOf", {
        received: money(e.amount_received),
        due: money(e.amount_due),
        remaining: money(e.amount_remaining),
      })
    : t("bankTransfer.waiting.toReceive", {
        remaining: money(e.amount_remaining),
      })
  const authorized = t("bankTransfer.waiting.authorized")
  if (e.status === "needs_attention") {
    return {
      variant: "error",
      title: t("bankTransfer.waiting.attentionTitle", { toReceive }),
      detail: e.attention_reason
        ? `${t("bankTransfer.waiting.reason", { reason: e.attention_reason })} ${authorized}`
        : authorized,
    }
  }
  const why: Record<string, string> = {
    awaiting_customer_confirmation: t("bankTransfer.waiting.whyAsked"),
    customer_confirmed: t("bankTransfer.waiting.whyConfirmed"),
    tentatively_canceled: t("bankTransfer.waiting.whyOnHold"),
  }
  return {
    variant: "warning",
    title: t("bankTransfer.waiting.title", { toReceive }),
    detail: why[e.status] ? `${why[e.status]} ${authorized}` : authorized,
  }
}
