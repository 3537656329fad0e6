import {
  BANK_TRANSFER_PROVIDER_PREFIX,
  getBankTransferDetails,
  isBankTransfer,
  paymentTokenOf,
} from "../index.ts"
import { bankTransferData, order } from "./fixtures.ts"

describe("storefront kit: isBankTransfer", () => {
  it("knows the plugin's provider ids and nothing else", () => {
    expect(BANK_TRANSFER_PROVIDER_PREFIX).toBe("pp_bank-transfer")
    expect(isBankTransfer("pp_bank-transfer_bank-transfer")).toBe(true)
    expect(isBankTransfer("pp_bank-transfer_vcb")).toBe(true)
    expect(isBankTransfer("pp_system_default")).toBe(false)
    expect(isBankTransfer("pp_stripe_stripe")).toBe(false)
    expect(isBankTransfer("")).toBe(false)
    expect(isBankTransfer(null)).toBe(false)
    expect(isBankTransfer(undefined)).toBe(false)
  })
})

describe("storefront kit: getBankTransferDetails", () => {
  it("reads an order's bank-transfer payment", () => {
    expect(getBankTransferDetails(order)).toEqual(bankTransferData)
  })

  it("reads a cart's payment collection and its sessions", () => {
    const cart = {
      id: "cart_01",
      payment_collection: {
        payment_sessions: [
          {
            provider_id: "pp_bank-transfer_bank-transfer",
            data: { bank_transfer: bankTransferData },
          },
        ],
      },
    }
    expect(getBankTransferDetails(cart)?.memo).toBe("DH1042K")
  })

  it("reads a payment collection, a payment and a session", () => {
    const collection = order.payment_collections[0]
    expect(getBankTransferDetails(collection)?.amount).toBe("1280000")
    expect(getBankTransferDetails(collection.payments[0])?.reference).toBe(
      "DH1042K"
    )
  })

  it("gives null for other providers, missing data and nonsense", () => {
    const stripe = {
      payment_collections: [
        {
          payments: [
            {
              provider_id: "pp_stripe_stripe",
              data: { bank_transfer: bankTransferData },
            },
          ],
        },
      ],
    }
    expect(getBankTransferDetails(stripe)).toBeNull()
    // the order.placed subscriber has not written the details yet
    expect(
      getBankTransferDetails({
        payment_collections: [
          {
            payments: [
              { provider_id: "pp_bank-transfer_bank-transfer", data: {} },
            ],
          },
        ],
      })
    ).toBeNull()
    expect(
      getBankTransferDetails({
        payment_collections: [
          {
            payments: [
              { provider_id: "pp_bank-transfer_bank-transfer", data: null },
            ],
          },
        ],
      })
    ).toBeNull()
    expect(getBankTransferDetails({ payment_collections: [] })).toBeNull()
    expect(getBankTransferDetails({ payment_collections: null })).toBeNull()
    expect(getBankTransferDetails({ id: "order_01" } as any)).toBeNull()
    expect(getBankTransferDetails(null)).toBeNull()
    expect(getBankTransferDetails(undefined)).toBeNull()
    expect(getBankTransferDetails("order" as any)).toBeNull()
    // a bank_transfer object without memo/amount/currency is not usable
    expect(
      getBankTransferDetails({
        provider_id: "pp_bank-transfer_x",
        data: { bank_transfer: { version: 1, memo: "DH1" } },
      })
    ).toBeNull()
  })

  it("picks the bank transfer among several payments, live before cancelled", () => {
    const cancelled = {
      provider_id: "pp_bank-transfer_bank-transfer",
      canceled_at: "2026-12-01T00:00:00Z",
      data: { bank_transfer: { ...bankTransferData, memo: "OLD" } },
    }
    const live = {
      provider_id: "pp_bank-transfer_bank-transfer",
      data: { bank_transfer: bankTransferData },
    }
    const other = { provider_id: "pp_system_default", data: {} }
    expect(
      getBankTransferDetails({
        payment_collections: [{ payments: [live, cancelled, other] }],
      })?.memo
    ).toBe("DH1042K")
    expect(
      getBankTransferDetails({
        payment_collections: [{ payments: [other] }, { payments: [live] }],
      })?.memo
    ).toBe("DH1042K")
  })

  it("fills absent optional fields with null and keeps amounts as strings", () => {
    const minimal = {
      provider_id: "pp_bank-transfer_bank-transfer",
      data: {
        bank_transfer: {
          version: 1,
          reference: "DH7X",
          memo: "DH7X",
          currency_code: "EUR",
          amount: "12.5",
          accounts: [{ account_number: "DE89370400440532013000" }, null, 5],
          payment_url: "https://shop.example/bank-transfer/pay/t0k",
        },
      },
    }
    expect(getBankTransferDetails(minimal)).toEqual({
      version: 1,
      order_number: "",
      reference: "DH7X",
      memo: "DH7X",
      currency_code: "EUR",
      amount: "12.5",
      accounts: [
        {
          bank_bin: null,
          bank_name: null,
          swift: null,
          account_number: "DE89370400440532013000",
          account_holder: "",
          currency: "",
        },
      ],
      instructions: null,
      deadline: null,
      qr_payload: null,
      qr_image_url: null,
      payment_url: "https://shop.example/bank-transfer/pay/t0k",
      status_url: "",
    })
  })
})

describe("storefront kit: paymentTokenOf", () => {
  it("is the last path segment of the payment page", () => {
    expect(paymentTokenOf(bankTransferData)).toBe("tok_abc123")
    expect(
      paymentTokenOf({
        payment_url: "https://s.example/bank-transfer/pay/abc/",
      })
    ).toBe("abc")
    expect(
      paymentTokenOf({
        payment_url: "https://s.example/bank-transfer/pay/abc?lang=vi#x",
      })
    ).toBe("abc")
    expect(paymentTokenOf({ payment_url: "" })).toBe("")
    expect(paymentTokenOf(null)).toBe("")
  })
})
