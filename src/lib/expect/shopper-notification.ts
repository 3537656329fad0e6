import { BankTransferEvents } from "../events"
import type { BankTransferOptions } from "../options"
import { calendarSettingsFor } from "../escalate/calendar/for-currency"
import { formatMoney, toMinorUnits } from "../money/minor-units"
import { buildInstructions, type ExpectationView } from "./instructions"
import { lastDayToPay } from "./payment-page/deadline"
import { TEXTS as PAGE_TEXTS } from "./payment-page/texts"
import {
  shopperContent,
  shopperLanguage,
  templateFor,
  type ShopperLanguage,
  type ShopperMessage,
  type ShopperTextValues,
} from "./shopper-texts"

export type { ShopperMessage }

/** Which message an event sends to the shopper, and the part of its idempotency key. */
export function shopperMessageFor(
  eventName: string,
  data: { step?: string; transaction_id?: string; request_id?: string }
): { message: ShopperMessage; key: string } | null {
  switch (eventName) {
    case BankTransferEvents.EXPECTATION_CREATED:
      return { message: "payment_instructions", key: "instructions" }
    case BankTransferEvents.CONFIRMATION_REQUESTED:
      return {
        message: "confirmation_requested",
        key: data.request_id ?? data.step ?? "confirmation",
      }
    case BankTransferEvents.ORDER_PARTIALLY_PAID:
      // Every part payment is news: keyed by the transaction that brought it.
      return {
        message: "partially_paid",
        key: `partial:${data.transaction_id}`,
      }
    case BankTransferEvents.ORDER_PAID:
      return { message: "paid", key: "paid" }
    case BankTransferEvents.ORDER_TENTATIVELY_CANCELED:
      return { message: "on_hold", key: "on_hold" }
    case BankTransferEvents.ORDER_REVIVED:
      return { message: "revived", key: `revived:${data.transaction_id}` }
    default:
      return null
  }
}

export function paymentPageUrl(
  options: BankTransferOptions,
  pageToken: string
) {
  return `${options.public_url.replace(/\/$/, "")}/bank-transfer/pay/${pageToken}`
}

export type NotificationEvent = {
  name: string
  data: {
    step?: string
    transaction_id?: string
    request_id?: string
    message?: string
  }
}

/**
 * What says which language the shopper reads: the order's `locale` (BCP 47, from the cart), then
 * the customer's (`metadata.locale`). Either may be missing; the shop's default
 * (`notifications.default_language`) is used when neither is Vietnamese or English.
 */
export type ShopperLocaleHints = {
  order_locale?: string | null
  customer_locale?: string | null
}

/**
 * The notification an event sends to the shopper of `expectation`, or null when it sends none.
 * Shared by the notify-shopper subscriber and the escalation job, which sends a batch at a time.
 * The idempotency key per order and message means nobody gets the same message twice.
 *
 * Written in the shopper's language (see ShopperLocaleHints): `template` is the id for that
 * language, `content` the plugin's (or the merchant's, options `notifications.texts`) subject,
 * text and HTML, so a provider without templates still sends a whole message; `data` carries
 * `locale` ("vi" or "en"), the same `subject` and `text`, and the raw values for templates
 * (amounts as exact decimal strings in the order's currency, not minor units).
 */
export async function shopperNotification(
  expectation: ExpectationView & { email?: string | null; page_token: string },
  event: NotificationEvent,
  options: BankTransferOptions,
  locale: ShopperLocaleHints = {}
) {
  const what = shopperMessageFor(event.name, event.data)
  if (!what || !expectation.email) {
    return null
  }
  const lang = shopperLanguage(
    [locale.order_locale, locale.customer_locale],
    options.notifications.default_language
  )
  // The QR travels as its payload: a template renders it (or links to the payment page, which shows it).
  const instructions = await buildInstructions(expectation, options, {
    image: false,
    lang,
  })
  const payment_url = paymentPageUrl(options, expectation.page_token)
  const custom_message = event.data.message ?? null
  const content = shopperContent(
    what.message,
    lang,
    textValues(expectation, instructions, options, lang, {
      payment_url,
      message: custom_message,
    }),
    options.notifications.texts
  )
  return {
    to: expectation.email,
    channel: options.notifications.shopper_channel,
    template: templateFor(options.notifications.templates[what.message], lang),
    trigger_type: event.name,
    resource_id: expectation.order_id,
    resource_type: "order",
    idempotency_key: `bank-transfer:${expectation.id}:${what.key}`,
    content,
    data: {
      message_kind: what.message,
      locale: lang,
      subject: content.subject,
      text: content.text,
      custom_message,
      payment_url,
      ...instructions,
      qr: instructions.qr ? { payload: instructions.qr.payload } : null,
    },
  }
}

/** The {{placeholder}} values of a message, written for a reader of `lang`. */
function textValues(
  expectation: ExpectationView,
  instructions: Awaited<ReturnType<typeof buildInstructions>>,
  options: BankTransferOptions,
  lang: ShopperLanguage,
  extra: { payment_url: string; message: string | null }
): ShopperTextValues {
  const currency = expectation.currency_code
  const numberLocale = lang === "vi" ? "vi-VN" : "en-US"
  const money = (v: string) =>
    formatMoney(toMinorUnits(v, currency), currency, numberLocale)
  const remaining = toMinorUnits(instructions.amount_remaining, currency)
  const owing =
    remaining > 0n &&
    !["paid", "canceled", "refunded"].includes(instructions.status)
  const account = instructions.accounts[0]
  let deadline = ""
  if (owing && instructions.deadline) {
    const day = lastDayToPay(
      instructions.deadline,
      calendarSettingsFor(options, currency).time_zone,
      lang
    )
    deadline = PAGE_TEXTS[lang].deadlineText(day.date, day.holdDay)
  }
  return {
    order_number: String(expectation.order_number),
    amount_due: money(instructions.amount_due),
    amount_received: money(instructions.amount_received),
    amount_remaining: money(instructions.amount_remaining),
    bank_name: account?.bank_name ?? "",
    account_number: account?.account_number ?? "",
    account_holder: account?.account_holder ?? "",
    memo: instructions.memo,
    deadline,
    payment_url: extra.payment_url,
    message: extra.message ?? "",
    instructions: instructions.instructions ?? "",
  }
}
