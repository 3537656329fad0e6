import { renderPaymentPage, pageCsp, type PageInstructions } from "../render"
import { pageAmounts } from "../amounts"

const base: PageInstructions = {
  order_number: "1042",
  status: "awaiting_transfer",
  currency_code: "VND",
  amount_due: "2430000",
  amount_received: "0",
  amount_remaining: "2430000",
  memo: "DH1042K",
  instructions: "Chuyển đúng số tiền <và> nội dung.",
  deadline: "2026-12-08T17:00:00.000Z",
  accounts: [
    {
      bank_name: "Vietcombank",
      bank_bin: "970436",
      swift: null,
      account_number: "0071000123456",
      account_holder: "CONG TY DEMO",
    },
  ],
  qr: { payload: "000201…", svg: null },
}
const settings = {
  token: "t".repeat(32),
  timeZone: "Asia/Ho_Chi_Minh",
  nonce: "abc123",
}
const text = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<style[\s\S]*?<\/style>/g, "")

describe("renderPaymentPage", () => {
  it("after a partial payment asks for what is still owed, QR included, and shows what arrived", () => {
    const html = renderPaymentPage(
      {
        ...base,
        status: "partially_paid",
        amount_received: "1150000",
        amount_remaining: "1280000",
      },
      "vi",
      settings
    )
    const page = text(html)
    expect(page).toMatch(/id="remaining" data-amount="1280000"/)
    expect(page).toContain("1.280.000")
    expect(page).toContain('data-copy="1280000"')
    expect(page).toMatch(/id="received">.*1\.150\.000/)
    expect(page).toContain("2.430.000") // the order's total, labelled as such
    expect(page).toContain("/qr?amount=1280000")
    expect(page).toContain("/qr?format=png&amp;amount=1280000")
    expect(page).not.toContain("amount=2430000")
  })

  it("once paid shows a paid notice, and no amount to transfer, QR or form", () => {
    const html = renderPaymentPage(
      {
        ...base,
        status: "paid",
        amount_received: "2430000",
        amount_remaining: "0",
      },
      "en",
      settings
    )
    const page = text(html)
    expect(page).toContain("Paid in full")
    expect(page).toContain("₫2,430,000") // English grouping on the English page
    expect(page).not.toContain("Amount to transfer")
    expect(page).not.toContain('id="qr-img"')
    expect(page).not.toContain('id="confirm"')
    expect(page).not.toContain("<span>Pay by<")
  })

  it("shows the merchant's instructions (escaped), the last day to pay and the form's fields", () => {
    const html = renderPaymentPage(base, "vi", settings)
    expect(html).toContain("Chuyển đúng số tiền &lt;và&gt; nội dung.")
    expect(html).toContain('datetime="2026-12-08"')
    expect(html).toContain("8/12/2026")
    expect(html).toMatch(/name="file" type="file" multiple/)
    expect(html).toContain('name="lang" value="vi"')
    expect(html).toMatch(/data-copy="0071000123456"/)
    expect(html).toMatch(/data-copy="DH1042K"/)
    expect(html).not.toContain("Quay lại cửa hàng")
  })

  it("links back to the shop when storefront_url is set, and puts its style and script under the nonce", () => {
    const html = renderPaymentPage(base, "en", {
      ...settings,
      storefrontUrl: "https://shop.example.vn/",
    })
    expect(html).toContain(
      '<a href="https://shop.example.vn/">← Back to the shop</a>'
    )
    expect(html).toContain('<script nonce="abc123">')
    expect(html).toContain('<style nonce="abc123">')
    expect(html).not.toMatch(/ style="/)
    expect(pageCsp("abc123")).toContain("script-src 'nonce-abc123'")
  })

  it("shows the merchant's instructions as given, escaped", () => {
    const html = renderPaymentPage(
      { ...base, instructions: "Ghi đúng <nội dung>" },
      "en",
      settings
    )
    expect(html).toContain("Ghi đúng &lt;nội dung&gt;")
  })
})

describe("pageAmounts", () => {
  it("says nothing is owed once paid, even with an amount left (a write-off)", () => {
    const a = pageAmounts({
      status: "paid",
      currency_code: "VND",
      amount_due: "2430000",
      amount_received: "2429000",
      amount_remaining: "1000",
    })
    expect(a.owing).toBe(false)
    expect(a.display.amount_received).toContain("2.429.000")
  })
})
