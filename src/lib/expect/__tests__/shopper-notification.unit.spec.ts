import { BankTransferEvents } from "../../events"
import { parseOptions } from "../../options"
import { shopperNotification } from "../shopper-notification"
import {
  fillPlaceholders,
  shopperContent,
  shopperLanguage,
  SHOPPER_TEXTS,
  templateFor,
  textToHtml,
} from "../shopper-texts"

const account = {
  bank_bin: "970436",
  bank_name: "Vietcombank",
  account_number: "0011001234567",
  account_holder: "CONG TY TNHH ABC",
}

const expectation = {
  id: "btexp_1",
  order_id: "order_1",
  order_number: "1042",
  status: "awaiting_transfer",
  currency_code: "VND",
  amount_due: "1280000",
  amount_received: "0",
  amount_remaining: "1280000",
  reference: "DH1042K",
  memo: "DH1042K",
  account: { ...account, currency: "VND" },
  // Hold from 00:00 on 9 December 2026 in Hà Nội: the last day to pay is 8 December.
  due_at: "2026-12-08T17:00:00.000Z",
  email: "an@example.vn",
  page_token: "t".repeat(32),
}

const options = (extra: Record<string, unknown> = {}) =>
  parseOptions({
    accounts: [account],
    public_url: "https://shop.example.vn",
    ...extra,
  })

/** Intl writes a no-break space between amount and symbol ("1.280.000\u00a0₫"): read as a space. */
const plain = (n: { content: { subject: string; text: string } } | null) => ({
  subject: n!.content.subject.replace(/\u00a0/g, " "),
  text: n!.content.text.replace(/\u00a0/g, " "),
})

const created = { name: BankTransferEvents.EXPECTATION_CREATED, data: {} }

describe("the shopper's language", () => {
  it("the order's locale first, then the customer's, then the shop's default", () => {
    expect(shopperLanguage(["vi-VN", "en"], "en")).toBe("vi")
    expect(shopperLanguage(["en-GB", "vi"], "vi")).toBe("en")
    expect(shopperLanguage([null, "en_US"], "vi")).toBe("en")
    expect(shopperLanguage(["fr-FR", undefined], "vi")).toBe("vi")
    expect(shopperLanguage([], "en")).toBe("en")
  })

  it("a template id per language, or one for both", () => {
    expect(templateFor("t", "en")).toBe("t")
    expect(templateFor({ vi: "t-vi", en: "t-en" }, "en")).toBe("t-en")
    expect(templateFor({ vi: "t-vi" }, "en")).toBe("t-vi")
  })
})

describe("placeholders", () => {
  it("fills known names, drops lines left empty, keeps unknown names visible", () => {
    expect(
      fillPlaceholders("Bank: {{bank_name}}\nMemo: {{ memo }}\n{{oops}}", {
        bank_name: "",
        memo: "DH1",
      })
    ).toBe("Memo: DH1\n{{oops}}")
    expect(fillPlaceholders("A\n{{x}}\n\nB", { x: "" })).toBe("A\n\nB")
  })

  it("HTML escapes everything and links the payment page", () => {
    expect(
      textToHtml(
        "<b>Hi</b>\nline\n\nPay: https://x/p?a=1&b=2",
        "https://x/p?a=1&b=2"
      )
    ).toBe(
      '<p>&lt;b&gt;Hi&lt;/b&gt;<br>line</p>\n<p>Pay: <a href="https://x/p?a=1&amp;b=2">https://x/p?a=1&amp;b=2</a></p>'
    )
  })

  it("every plugin text names only placeholders the messages fill, in both languages", () => {
    const known = new Set(
      Object.keys({
        order_number: 1,
        amount_due: 1,
        amount_received: 1,
        amount_remaining: 1,
        bank_name: 1,
        account_number: 1,
        account_holder: 1,
        memo: 1,
        deadline: 1,
        payment_url: 1,
        message: 1,
        instructions: 1,
      })
    )
    for (const lang of ["vi", "en"] as const) {
      for (const t of Object.values(SHOPPER_TEXTS[lang])) {
        for (const [, name] of `${t.subject}\n${t.text}`.matchAll(
          /\{\{\s*([a-z_]+)\s*\}\}/g
        )) {
          expect(known.has(name)).toBe(true)
        }
      }
    }
    expect(Object.keys(SHOPPER_TEXTS.vi).sort()).toEqual(
      Object.keys(SHOPPER_TEXTS.en).sort()
    )
  })
})

describe("shopper notifications", () => {
  it("payment instructions in Vietnamese: amount, account, memo, deadline and link, exactly", async () => {
    const n = await shopperNotification(expectation, created, options(), {
      order_locale: "vi-VN",
    })
    expect(n!.template).toBe("bank-transfer-payment-instructions")
    expect(n!.data.locale).toBe("vi")
    expect(n!.idempotency_key).toBe("bank-transfer:btexp_1:instructions")
    expect(plain(n).subject).toBe("Hướng dẫn chuyển khoản cho đơn hàng #1042")
    const text = plain(n).text
    expect(text).toContain("Vui lòng chuyển khoản 1.280.000 ₫")
    expect(text).toContain("Ngân hàng: Vietcombank")
    expect(text).toContain("Số tài khoản: 0011001234567")
    expect(text).toContain("Chủ tài khoản: CONG TY TNHH ABC")
    expect(text).toContain("Nội dung chuyển khoản: DH1042K")
    expect(text).toMatch(/Hạn thanh toán: Hết ngày Thứ Ba, 8\/12\/2026/)
    expect(text).toContain(
      `https://shop.example.vn/bank-transfer/pay/${"t".repeat(32)}`
    )
    expect(n!.content.html).toContain(
      `<a href="https://shop.example.vn/bank-transfer/pay/${"t".repeat(32)}">`
    )
    expect(n!.data.subject).toBe(n!.content.subject)
  })

  it("the same in English when the order's locale is English", async () => {
    const n = await shopperNotification(expectation, created, options(), {
      order_locale: "en-US",
      customer_locale: "vi",
    })
    expect(n!.data.locale).toBe("en")
    expect(plain(n).subject).toBe("How to pay for order #1042 by bank transfer")
    expect(plain(n).text).toContain("Please transfer ₫1,280,000")
    expect(plain(n).text).toContain("Transfer memo: DH1042K")
    expect(plain(n).text).toMatch(/Pay by: Tuesday, 8 December 2026/)
  })

  it("the customer's locale when the order has none; the shop's default when neither says", async () => {
    const en = await shopperNotification(expectation, created, options(), {
      customer_locale: "en",
    })
    expect(en!.data.locale).toBe("en")
    const none = await shopperNotification(expectation, created, options())
    expect(none!.data.locale).toBe("vi")
    const shopEn = await shopperNotification(
      expectation,
      created,
      options({ notifications: { default_language: "en" } }),
      { order_locale: "fr" }
    )
    expect(shopEn!.data.locale).toBe("en")
  })

  it("exact amounts beyond a float's precision, in the currency's decimals", async () => {
    const n = await shopperNotification(
      {
        ...expectation,
        currency_code: "USD",
        amount_due: "90071992547409.93",
        amount_received: "0",
        amount_remaining: "90071992547409.93",
        account: {
          ...expectation.account,
          bank_bin: null,
          currency: "USD",
        } as any,
      },
      created,
      options(),
      { order_locale: "en" }
    )
    expect(plain(n).text).toContain("$90,071,992,547,409.93")
  })

  it("each message kind in both languages; part payments name what came and what is left", async () => {
    const part = {
      ...expectation,
      status: "partially_paid",
      amount_received: "280000",
      amount_remaining: "1000000",
    }
    const events = [
      [BankTransferEvents.CONFIRMATION_REQUESTED, { step: "confirmation_1" }],
      [BankTransferEvents.ORDER_PARTIALLY_PAID, { transaction_id: "tx_1" }],
      [BankTransferEvents.ORDER_TENTATIVELY_CANCELED, {}],
      [BankTransferEvents.ORDER_REVIVED, { transaction_id: "tx_2" }],
    ] as const
    for (const lang of ["vi", "en"] as const) {
      for (const [name, data] of events) {
        const n = await shopperNotification(part, { name, data }, options(), {
          order_locale: lang,
        })
        expect(plain(n).subject).toBe(
          SHOPPER_TEXTS[lang][n!.data.message_kind].subject.replace(
            "{{order_number}}",
            "1042"
          )
        )
        expect(plain(n).text).not.toMatch(/\{\{/)
      }
    }
    const vi = await shopperNotification(
      part,
      {
        name: BankTransferEvents.ORDER_PARTIALLY_PAID,
        data: { transaction_id: "tx_1" },
      },
      options()
    )
    expect(plain(vi).text).toContain(
      "Chúng tôi đã nhận 280.000 ₫ cho đơn hàng #1042 (tổng 1.280.000 ₫). Vui lòng chuyển nốt 1.000.000 ₫."
    )
    // Nothing owed: no deadline line in the "paid" message.
    const paid = await shopperNotification(
      {
        ...expectation,
        status: "paid",
        amount_received: "1280000",
        amount_remaining: "0",
      },
      { name: BankTransferEvents.ORDER_PAID, data: {} },
      options(),
      { order_locale: "en" }
    )
    expect(plain(paid).subject).toBe("Payment for order #1042 received in full")
    expect(plain(paid).text).toContain("We have received the full ₫1,280,000")
    expect(plain(paid).text).not.toContain("Pay by")
  })

  it("the merchant's subject and text win, per message and language; per-language template ids", async () => {
    const o = options({
      notifications: {
        templates: {
          payment_instructions: { vi: "tpl-vi", en: "tpl-en" },
        },
        texts: {
          payment_instructions: {
            en: {
              subject: "Your order {{order_number}}: {{amount_remaining}}",
            },
            vi: { text: "Chuyển {{amount_remaining}} với nội dung {{memo}}." },
          },
        },
      },
    })
    const en = await shopperNotification(expectation, created, o, {
      order_locale: "en",
    })
    expect(en!.template).toBe("tpl-en")
    expect(plain(en).subject).toBe("Your order 1042: ₫1,280,000")
    // The text was not replaced in English: the plugin's.
    expect(plain(en).text).toContain("Please transfer ₫1,280,000")
    const vi = await shopperNotification(expectation, created, o, {
      order_locale: "vi",
    })
    expect(vi!.template).toBe("tpl-vi")
    expect(plain(vi).subject).toBe("Hướng dẫn chuyển khoản cho đơn hàng #1042")
    expect(plain(vi).text).toBe("Chuyển 1.280.000 ₫ với nội dung DH1042K.")
  })

  it("refuses overrides for unknown messages or languages", () => {
    expect(() =>
      options({
        notifications: { texts: { thanks: { vi: { subject: "x" } } } },
      })
    ).toThrow()
    expect(() =>
      options({ notifications: { texts: { paid: { fr: { subject: "x" } } } } })
    ).toThrow()
    expect(() =>
      options({ notifications: { templates: { paid: {} } } })
    ).toThrow()
  })

  it("the merchant's content renders exactly (shopperContent)", () => {
    const c = shopperContent(
      "on_hold",
      "vi",
      {
        order_number: "7",
        amount_due: "",
        amount_received: "",
        amount_remaining: "10.000 ₫",
        bank_name: "",
        account_number: "1",
        account_holder: "A",
        memo: "DH7",
        deadline: "",
        payment_url: "https://x/p",
        message: "",
        instructions: "",
      },
      { on_hold: { vi: { subject: "Tạm giữ\n#{{order_number}}" } } }
    )
    expect(c.subject).toBe("Tạm giữ #7")
    expect(c.text).not.toContain("Ngân hàng:")
  })
})
