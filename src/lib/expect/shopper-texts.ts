import type { SHOPPER_MESSAGES } from "../options"

/** A message the shopper gets (one per event; see shopper-notification.ts). */
export type ShopperMessage = (typeof SHOPPER_MESSAGES)[number]

/** The languages the plugin writes shopper messages in. */
export type ShopperLanguage = "vi" | "en"

/** A message's subject and plain text, before or after its {{placeholders}} are filled. */
export type SubjectAndText = { subject: string; text: string }

/** The merchant's replacements, per message and language (options `notifications.texts`). */
export type TextOverrides = Partial<
  Record<
    ShopperMessage,
    Partial<Record<ShopperLanguage, Partial<SubjectAndText>>>
  >
>

/**
 * The values a text may name as {{placeholder}}, all already written for the reader (amounts
 * formatted in the message's language, the deadline as a sentence). Empty string when unknown.
 */
export type ShopperTextValues = {
  order_number: string
  /** The order's total, formatted ("1.280.000 ₫" in vi, "₫1,280,000" in en). */
  amount_due: string
  /** What has arrived so far, formatted. */
  amount_received: string
  /** What is still to transfer, formatted. */
  amount_remaining: string
  bank_name: string
  account_number: string
  account_holder: string
  /** The transfer memo the shopper must write. */
  memo: string
  /** The last day to pay as a sentence, empty when nothing is owed or there is no deadline. */
  deadline: string
  /** The order's payment page (QR, amounts, "I have paid" form). */
  payment_url: string
  /** A message written for this shopper (e.g. by the accountant asking to confirm), or empty. */
  message: string
  /** The merchant's instructions (option `instructions`) in this language, or empty. */
  instructions: string
}

/**
 * The language of a shopper's messages: the first hint (the order's locale, then the customer's)
 * whose primary language is Vietnamese or English ("vi-VN" → vi, "en-GB" → en), else `fallback`.
 */
export function shopperLanguage(
  hints: Array<string | null | undefined>,
  fallback: ShopperLanguage
): ShopperLanguage {
  for (const hint of hints) {
    const primary =
      typeof hint === "string" ? hint.trim().toLowerCase().split(/[-_]/)[0] : ""
    if (primary === "vi" || primary === "en") {
      return primary
    }
  }
  return fallback
}

/** The template id for `lang`: one id for all languages, or one per language (else the other's). */
export function templateFor(
  value: string | { vi?: string; en?: string },
  lang: ShopperLanguage
): string {
  if (typeof value === "string") {
    return value
  }
  return (value[lang] ?? value[lang === "vi" ? "en" : "vi"]) as string
}

const ACCOUNT_VI = `Ngân hàng: {{bank_name}}
Số tài khoản: {{account_number}}
Chủ tài khoản: {{account_holder}}
Số tiền: {{amount_remaining}}
Nội dung chuyển khoản: {{memo}}
Hạn thanh toán: {{deadline}}`

const ACCOUNT_EN = `Bank: {{bank_name}}
Account number: {{account_number}}
Account holder: {{account_holder}}
Amount: {{amount_remaining}}
Transfer memo: {{memo}}
Pay by: {{deadline}}`

/** The plugin's own texts, used when the merchant does not replace them. */
export const SHOPPER_TEXTS: Record<
  ShopperLanguage,
  Record<ShopperMessage, SubjectAndText>
> = {
  vi: {
    payment_instructions: {
      subject: "Hướng dẫn chuyển khoản cho đơn hàng #{{order_number}}",
      text: `Cảm ơn bạn đã đặt hàng. Vui lòng chuyển khoản {{amount_remaining}} để thanh toán đơn hàng #{{order_number}}.

${ACCOUNT_VI}

{{instructions}}

Mã VietQR và thông tin thanh toán: {{payment_url}}`,
    },
    confirmation_requested: {
      subject: "Bạn đã chuyển khoản cho đơn hàng #{{order_number}} chưa?",
      text: `Chúng tôi chưa nhận được khoản chuyển {{amount_remaining}} cho đơn hàng #{{order_number}}.
{{message}}

Nếu bạn đã chuyển khoản, vui lòng xác nhận (kèm ảnh biên lai nếu có) tại: {{payment_url}}

Nếu chưa, bạn vẫn có thể chuyển khoản:
${ACCOUNT_VI}`,
    },
    partially_paid: {
      subject: "Đã nhận một phần tiền cho đơn hàng #{{order_number}}",
      text: `Chúng tôi đã nhận {{amount_received}} cho đơn hàng #{{order_number}} (tổng {{amount_due}}). Vui lòng chuyển nốt {{amount_remaining}}.

${ACCOUNT_VI}

Mã VietQR cho số tiền còn lại: {{payment_url}}`,
    },
    paid: {
      subject: "Đã nhận đủ tiền cho đơn hàng #{{order_number}}",
      text: `Chúng tôi đã nhận đủ {{amount_due}} cho đơn hàng #{{order_number}}. Cảm ơn bạn!

Bạn không cần chuyển thêm. Chi tiết thanh toán: {{payment_url}}`,
    },
    on_hold: {
      subject: "Đơn hàng #{{order_number}} đang được tạm giữ",
      text: `Chúng tôi chưa nhận được tiền cho đơn hàng #{{order_number}} nên đơn hàng đang được tạm giữ.

Bạn vẫn có thể thanh toán bằng cách chuyển khoản:
${ACCOUNT_VI}

Thông tin thanh toán: {{payment_url}}`,
    },
    revived: {
      subject: "Đơn hàng #{{order_number}} được tiếp tục xử lý",
      text: `Chúng tôi đã nhận được khoản chuyển của bạn. Đơn hàng #{{order_number}} không còn bị tạm giữ và được tiếp tục xử lý.

Chi tiết thanh toán: {{payment_url}}`,
    },
  },
  en: {
    payment_instructions: {
      subject: "How to pay for order #{{order_number}} by bank transfer",
      text: `Thank you for your order. Please transfer {{amount_remaining}} to pay for order #{{order_number}}.

${ACCOUNT_EN}

{{instructions}}

VietQR code and payment details: {{payment_url}}`,
    },
    confirmation_requested: {
      subject: "Have you paid for order #{{order_number}}?",
      text: `We have not yet received your transfer of {{amount_remaining}} for order #{{order_number}}.
{{message}}

If you have paid, please confirm it (with a picture of the receipt if you have one): {{payment_url}}

If not, you can still pay:
${ACCOUNT_EN}`,
    },
    partially_paid: {
      subject: "Part of the payment for order #{{order_number}} received",
      text: `We have received {{amount_received}} for order #{{order_number}} (total {{amount_due}}). Please transfer the remaining {{amount_remaining}}.

${ACCOUNT_EN}

VietQR code for the rest: {{payment_url}}`,
    },
    paid: {
      subject: "Payment for order #{{order_number}} received in full",
      text: `We have received the full {{amount_due}} for order #{{order_number}}. Thank you!

There is nothing more to transfer. Payment details: {{payment_url}}`,
    },
    on_hold: {
      subject: "Order #{{order_number}} is on hold",
      text: `We have not received the payment for order #{{order_number}}, so the order is on hold.

You can still pay by bank transfer:
${ACCOUNT_EN}

Payment details: {{payment_url}}`,
    },
    revived: {
      subject: "Order #{{order_number}} is going ahead",
      text: `We have received your transfer. Order #{{order_number}} is no longer on hold and is going ahead.

Payment details: {{payment_url}}`,
    },
  },
}

const PLACEHOLDER = /\{\{\s*([a-z_]+)\s*\}\}/g

/**
 * Fills a text's {{placeholders}} from `values`. A line whose placeholders are all empty is left
 * out (a "Bank: {{bank_name}}" line for an account without a bank name), and so are the blank
 * lines this leaves doubled; a placeholder `values` does not know stays as written, so that a
 * misspelt one shows in the message instead of vanishing.
 */
export function fillPlaceholders(
  template: string,
  values: Partial<Record<string, string>>
): string {
  const lines: string[] = []
  for (const line of template.split("\n")) {
    let named = 0
    let empty = 0
    const filled = line.replace(PLACEHOLDER, (whole, name: string) => {
      if (!Object.prototype.hasOwnProperty.call(values, name)) {
        return whole
      }
      named++
      const value = values[name] ?? ""
      if (value === "") {
        empty++
      }
      return value
    })
    if (named > 0 && empty === named) {
      continue
    }
    lines.push(filled)
  }
  return lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim()
}

const escapeHtml = (s: string) =>
  s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;")

/**
 * The plain text as simple HTML: paragraphs at blank lines, line breaks kept, everything escaped,
 * and the payment page address (when given) made a link.
 */
export function textToHtml(text: string, link?: string): string {
  const linked = link ? escapeHtml(link) : null
  return text
    .split(/\n{2,}/)
    .map((paragraph) => {
      let html = escapeHtml(paragraph).replace(/\n/g, "<br>")
      if (linked) {
        html = html.split(linked).join(`<a href="${linked}">${linked}</a>`)
      }
      return `<p>${html}</p>`
    })
    .join("\n")
}

/**
 * The subject, text and HTML of `message` in `lang`: the merchant's subject or text where given
 * (`overrides[message][lang]`), else the plugin's, with the placeholders filled from `values`.
 * The subject is one line (line breaks become spaces).
 */
export function shopperContent(
  message: ShopperMessage,
  lang: ShopperLanguage,
  values: ShopperTextValues,
  overrides: TextOverrides = {}
): { subject: string; text: string; html: string } {
  const own = SHOPPER_TEXTS[lang][message]
  const theirs = overrides[message]?.[lang] ?? {}
  const subject = fillPlaceholders(theirs.subject ?? own.subject, values)
    .replace(/\s*\n\s*/g, " ")
    .trim()
  const text = fillPlaceholders(theirs.text ?? own.text, values)
  return { subject, text, html: textToHtml(text, values.payment_url) }
}
