import { createElement } from "react"
import { renderToString } from "react-dom/server"
import {
  BankTransferOrderPayment,
  BankTransferPaymentOption,
  type BankTransferSdk,
} from "../index.ts"
import { bankTransferData } from "./fixtures.ts"

// Server rendering runs no effect: nothing is fetched, the SDK must not be called.
const sdk: BankTransferSdk = {
  client: {
    fetch: () => {
      throw new Error("no request while rendering on the server")
    },
  },
  store: {
    order: {
      retrieve: () => {
        throw new Error("no request while rendering on the server")
      },
    },
  },
}

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/[\u00a0\u202f]/g, " ")
    .replace(/\s+/g, " ")

const testIds = (html: string) =>
  [...html.matchAll(/data-testid="([^"]+)"/g)].map((m) => m[1])

describe("storefront kit: server rendering", () => {
  it("renders an order's payment details in Vietnamese for VND", () => {
    const html = renderToString(
      createElement(BankTransferOrderPayment, {
        sdk,
        orderId: "order_01",
        details: bankTransferData,
      })
    )
    const shown = text(html)
    expect(shown).toContain("Thanh toán bằng chuyển khoản")
    expect(shown).toContain("1.280.000 ₫")
    expect(shown).toContain("0071000123456")
    expect(shown).toContain("Vietcombank")
    expect(shown).toContain("CONG TY TNHH DEMO")
    expect(shown).toContain("DH1042K")
    expect(shown).toContain("Chuyển khoản trong 24 giờ.")
    // the last day to pay, in Vietnam: on hold from 00:00 on 4 December, so the 3rd
    expect(shown).toContain(
      "Thanh toán trước khi hết ngày Thứ Năm, 3 tháng 12, 2026"
    )
    expect(html).toContain('data-amount="1280000"')
    expect(html).toContain(`data-qr-payload="${bankTransferData.qr_payload}"`)
    expect(html).toContain('lang="vi"')
    expect(testIds(html)).toEqual(
      expect.arrayContaining([
        "bt-order-payment",
        "bt-status",
        "bt-amount",
        "bt-reference",
        "bt-memo",
        "bt-account-number",
        "bt-qr",
        "bt-save-qr",
        "bt-confirm-form",
      ])
    )
    // the form's fields have labels
    for (const name of ["amount", "paid_on", "message", "file"]) {
      const id = new RegExp(
        `<(?:input|textarea)[^>]*id="([^"]+)"[^>]*name="${name}"`
      ).exec(html)?.[1]
      expect(id).toBeTruthy()
      expect(html).toContain(`for="${id}"`)
    }
    expect(html).toMatch(
      /data-testid="bt-status"[^>]*aria-live="polite"|aria-live="polite"[^>]*data-testid="bt-status"/
    )
  })

  it("renders in English with labels overridden and a className", () => {
    const html = renderToString(
      createElement(BankTransferOrderPayment, {
        sdk,
        orderId: "order_01",
        details: {
          ...bankTransferData,
          currency_code: "EUR",
          amount: "12.5",
          qr_payload: null,
        },
        labels: { title: "Pay your order" },
        className: "shop-payment",
      })
    )
    const shown = text(html)
    expect(shown).toContain("Pay your order")
    expect(shown).toContain("€12.50")
    expect(shown).toContain("Account number")
    expect(html).toContain('class="shop-payment"')
    expect(testIds(html)).not.toContain("bt-qr")
  })

  it("says the details are being prepared when the order has none yet", () => {
    const html = renderToString(
      createElement(BankTransferOrderPayment, {
        sdk,
        orderId: "order_01",
        details: null,
        locale: "en",
      })
    )
    expect(text(html)).toContain("Preparing payment details…")
    expect(testIds(html)).toEqual(["bt-order-payment"])
  })

  it("renders the checkout step's text in both languages", () => {
    const vi = text(
      renderToString(createElement(BankTransferPaymentOption, {}))
    )
    expect(vi).toContain("mã QR")
    expect(vi).toContain("chưa thanh toán")
    const en = text(
      renderToString(
        createElement(BankTransferPaymentOption, {
          locale: "en",
          showTitle: true,
        })
      )
    )
    expect(en).toContain("Bank transfer")
    expect(en).toContain("account number, the payment reference and a QR code")
    expect(en).toContain("stays unpaid until the money arrives")
  })
})
