import { currencyDecimals, formatMoney, formatNumber } from "./money"
import type { Translate } from "./i18n"
import { actorTypeLabel, expectationStatus } from "./status"

/** What the system did by itself, by audit action: who the accountant should read as its author. */
const SYSTEM_ACTORS: Record<string, string> = {
  expectation_created: "bankTransfer.timeline.actorCheckout",
  suggested: "bankTransfer.timeline.actorMatcher",
  allocated: "bankTransfer.timeline.actorMatcher",
  reconciliation_resumed: "bankTransfer.timeline.actorMatcher",
  partially_paid: "bankTransfer.timeline.actorMatcher",
  paid: "bankTransfer.timeline.actorMatcher",
  confirmation_requested: "bankTransfer.timeline.actorSchedule",
  tentatively_canceled: "bankTransfer.timeline.actorSchedule",
  canceled: "bankTransfer.timeline.actorSchedule",
  captured_in_medusa: "bankTransfer.timeline.actorMedusa",
  refunded_in_medusa: "bankTransfer.timeline.actorMedusa",
  order_canceled_in_medusa: "bankTransfer.timeline.actorMedusa",
  capture_failed: "bankTransfer.timeline.actorMedusa",
  capture_recovered: "bankTransfer.timeline.actorMedusa",
  return_closed: "bankTransfer.timeline.actorMatcher",
}

/**
 * Who made an audit event, in words and never as a raw id: an admin by name ("Admin · Lan
 * Nguyễn", as the server resolved it), the system by what it was doing (the checkout created the
 * expectation, the matcher allocated, the reminder schedule escalated), any other actor by type.
 */
export function timelineActor(
  e: {
    action: string
    actor_type: string
    actor_name?: string | null
  },
  t: Translate
): string {
  if (e.actor_type === "admin") {
    const admin = t("bankTransfer.actor.admin")
    return e.actor_name ? `${admin} · ${e.actor_name}` : admin
  }
  if (e.actor_type === "system") {
    if (e.action.startsWith("escalation:")) {
      return t("bankTransfer.timeline.actorSchedule")
    }
    const key = SYSTEM_ACTORS[e.action]
    return key ? t(key) : t("bankTransfer.actor.system")
  }
  return actorTypeLabel(e.actor_type, t)
}

/**
 * An audit event's message as the accountant reads it, in the admin's language. The server writes
 * these in English with raw amounts ("Awaiting 1280000 VND with memo …"); the ones the plugin knows
 * are rewritten from their parts, and any other keeps its words with its amounts formatted
 * ("1280000 VND" → "1.280.000 ₫"). Shoppers' and admins' own words (reasons, messages) are shown
 * as they wrote them.
 */
export function timelineMessage(
  e: {
    action: string
    message: string | null
    data?: Record<string, unknown> | null
  },
  t: Translate,
  locale?: string
): string | null {
  const message = e.message?.trim()
  if (!message) {
    return null
  }
  const known = systemSentence(e.action, message, e.data ?? null, t, locale)
  if (known !== null) {
    return known
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

/** The fixed sentences the plugin writes itself, by audit action, and their keys. */
const FIXED: Record<string, Record<string, string>> = {
  allocated: {
    "Matched automatically": "bankTransfer.serverText.matchedAutomatically",
    "Matched by hand": "bankTransfer.serverText.matchedByHand",
  },
  allocation_reversed: {
    "Rolled back: a later step (e.g. the payment capture) failed":
      "bankTransfer.serverText.rolledBack",
  },
  order_canceled_in_medusa: {
    "The order was cancelled in Medusa":
      "bankTransfer.serverText.canceledInMedusa",
  },
  capture_recovered: {
    "Medusa's payment agrees with the money received again":
      "bankTransfer.serverText.captureRecovered",
  },
  reconciliation_resumed: {
    "Finished a matching run that had stopped after allocating (orders captured now)":
      "bankTransfer.serverText.reconciliationResumed",
  },
  return_closed: {
    "The outgoing transfer was matched to the refund automatically":
      "bankTransfer.returns.closedAutomatically",
    "The outgoing transfer was matched to the refund by hand":
      "bankTransfer.returns.closedByHand",
  },
  return_refund_rolled_back: {
    "Rolled back: Medusa refused the refund":
      "bankTransfer.returns.refundRolledBack",
  },
}

/** "{amount} {CUR} …" sentences of Medusa's payment section, by action. */
const MEDUSA_AMOUNTS: Record<string, [RegExp, string]> = {
  captured_in_medusa: [
    /^(-?\d+(?:\.\d+)?) ([A-Z]{3}) captured in Medusa's payment section$/,
    "bankTransfer.serverText.capturedInMedusa",
  ],
  refunded_in_medusa: [
    /^(-?\d+(?:\.\d+)?) ([A-Z]{3}) refunded in Medusa: to transfer back to the shopper$/,
    "bankTransfer.serverText.refundedInMedusa",
  ],
}

/**
 * A sentence the server wrote in English, rendered from the event's action and data in the
 * admin's language; null when the event is not one of them (an admin's or shopper's own words,
 * an error from Medusa), which then shows as stored.
 */
function systemSentence(
  action: string,
  message: string,
  data: Record<string, unknown> | null,
  t: Translate,
  locale?: string
): string | null {
  if (action.startsWith("escalation:")) {
    const from = data?.from_status
    const to = data?.to_status
    return typeof from === "string" && typeof to === "string" && from !== to
      ? `${expectationStatus(from, t).label} → ${expectationStatus(to, t).label}`
      : null
  }
  const fixed = FIXED[action]?.[message]
  if (fixed) {
    return t(fixed)
  }
  const amounts = MEDUSA_AMOUNTS[action]
  const m = amounts ? message.match(amounts[0]) : null
  if (amounts && m) {
    return t(amounts[1], { amount: formatMoney(m[1], m[2], locale) })
  }
  return null
}
