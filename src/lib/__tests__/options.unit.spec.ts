import { parseOptions, runtimeSettingsSchema } from "../options"
import BankTransferProviderService from "../../providers/bank-transfer/service"

const account = {
  bank_bin: "970436",
  account_number: "0071000123456",
  account_holder: "CONG TY TNHH DEMO",
}

describe("plugin options", () => {
  it("fills defaults for a minimal configuration", () => {
    const o = parseOptions({ accounts: [account] })
    expect(o).toMatchObject({
      reference_prefix: "DH",
      qr: true,
      accounts: [{ ...account, currency: "VND" }],
    })
    expect(o.tolerances.VND).toEqual({ type: "fixed", amount: "50000" })
    expect(o.policies.digital).toEqual({
      confirmation_after: [2, 4],
      tentative_cancel_after: 5,
      final_cancel_after: null,
    })
  })

  it("takes a channel whose secrets are unset as not configured; a short secret is refused", () => {
    const o = parseOptions({
      accounts: [account],
      webhooks: {
        sepay: { api_key: "k".repeat(16), hmac_secret: undefined },
        casso: { secret: undefined },
        payos: { checksum_key: "" },
        generic: { secret: "g".repeat(16) },
      },
    })
    expect(Object.keys(o.webhooks).sort()).toEqual(["generic", "sepay"])
    expect(() =>
      parseOptions({
        accounts: [account],
        webhooks: { casso: { secret: "short" } },
      })
    ).toThrow(/webhooks.casso.secret: must be at least 16 characters/)
  })

  it("requires public_url (or MEDUSA_BACKEND_URL) in production only", () => {
    const env = { ...process.env }
    try {
      delete process.env.MEDUSA_BACKEND_URL
      expect(parseOptions({ accounts: [account] }).public_url).toBe(
        "http://localhost:9000"
      )
      process.env.NODE_ENV = "production"
      expect(() => parseOptions({ accounts: [account] })).toThrow(
        /public_url: is required in production/
      )
      process.env.MEDUSA_BACKEND_URL = "https://shop.example.vn"
      expect(parseOptions({ accounts: [account] }).public_url).toBe(
        "https://shop.example.vn"
      )
    } finally {
      process.env = env
    }
  })

  it("says which option to fix, all at once", () => {
    expect(() => parseOptions(undefined)).toThrow(/accounts: .*expected array/)
    expect(() => parseOptions({ accounts: [] })).toThrow(
      /accounts: must list at least one receiving bank account/
    )
    const problems = () =>
      parseOptions({
        accounts: [
          { bank_bin: "9704", account_number: "12 34", account_holder: "" },
          { account_number: "1", account_holder: "x" },
        ],
        reference_prefix: "OL",
        policies: {
          digital: { confirmation_after: [6], tentative_cancel_after: 5 },
        },
      })
    expect(problems).toThrow(
      /accounts\.0\.bank_bin: must be the bank's 6-digit NAPAS BIN/
    )
    expect(problems).toThrow(
      /accounts\.0\.account_number: must be letters and digits only/
    )
    expect(problems).toThrow(/accounts\.0\.account_holder: is required/)
    expect(problems).toThrow(/accounts\.1: needs bank_bin .* or swift/)
    expect(problems).toThrow(
      /reference_prefix: must be 1-6 letters without I, L or O/
    )
    expect(problems).toThrow(
      /policies\.digital: confirmation_after must be increasing/
    )
  })

  it("validates run-time settings without filling defaults", () => {
    expect(
      runtimeSettingsSchema.parse({ allow_automatic_partials: false })
    ).toEqual({ allow_automatic_partials: false })
    expect(() =>
      runtimeSettingsSchema.parse({ reference_prefix: "X" })
    ).toThrow()
  })
})

describe("the payment provider", () => {
  it("refuses invalid options at start, even when registered without any", () => {
    expect(() =>
      BankTransferProviderService.validateOptions(undefined as any)
    ).toThrow(/accounts/)
    expect(() =>
      BankTransferProviderService.validateOptions({
        accounts: [{ ...account, bank_bin: "12" }],
      })
    ).toThrow(/bank_bin/)
  })

  it("places orders without money and behaves as Medusa expects for capture, refund and cancel", async () => {
    const provider = new BankTransferProviderService(
      {} as any,
      { accounts: [account] } as any
    )
    const session = await provider.initiatePayment({
      amount: 2430000,
      currency_code: "vnd",
    } as any)
    expect(session.status).toBe("pending")
    expect(session.data).toMatchObject({
      amount: "2430000",
      currency_code: "VND",
      accounts: [{ bank_bin: "970436", account_number: "0071000123456" }],
    })
    const auth = await provider.authorizePayment({ data: session.data } as any)
    expect(auth.status).toBe("authorized")
    expect(
      (await provider.getPaymentStatus({ data: auth.data } as any)).status
    ).toBe("authorized")
    const captured = await provider.capturePayment({ data: auth.data } as any)
    expect(
      (await provider.getPaymentStatus({ data: captured.data } as any)).status
    ).toBe("captured")
    const refunded = await provider.refundPayment({
      amount: 30000,
      data: captured.data,
    } as any)
    expect((refunded.data as any).refunds).toEqual([
      expect.objectContaining({ amount: "30000", status: "to_transfer_back" }),
    ])
    const canceled = await provider.cancelPayment({ data: auth.data } as any)
    expect(
      (await provider.getPaymentStatus({ data: canceled.data } as any)).status
    ).toBe("canceled")
  })
})

describe("currencies in the options", () => {
  it("refuses a currency ISO 4217 does not list, and amounts finer than the currency", () => {
    expect(() =>
      parseOptions({ accounts: [{ ...account, currency: "XYZ" }] })
    ).toThrow(/accounts\.0\.currency: "XYZ" is not an ISO 4217 currency code/)
    expect(() =>
      parseOptions({
        accounts: [account],
        tolerances: { ABC: { type: "fixed", amount: "10" } },
      })
    ).toThrow(/tolerances\.ABC: "ABC" is not an ISO 4217 currency code/)
    expect(() =>
      parseOptions({
        accounts: [account],
        tolerances: { VND: { type: "fixed", amount: "50000.5" } },
      })
    ).toThrow(
      /tolerances\.VND: 50000\.5 has more decimals than VND allows \(0\)/
    )
    expect(
      parseOptions({
        accounts: [account],
        tolerances: { KWD: { type: "fixed", amount: "0.125" } },
      }).tolerances.KWD
    ).toEqual({ type: "fixed", amount: "0.125" })
  })
})
