import crypto from "crypto"
import { parseSepay, verifySepay } from "../sepay"
import { parseCasso, verifyCasso } from "../casso"
import { parseGeneric, verifyGeneric } from "../generic"
import { isFresh, safeEqual, WebhookError } from "../signature"
import { parseVietnamTime } from "../vn-time"
import { fingerprint } from "../../fingerprint"

const now = new Date("2026-11-23T03:15:00Z")
const hmac = (alg: string, key: string, msg: string) =>
  crypto.createHmac(alg, key).update(msg).digest("hex")
const status = (fn: () => unknown) => {
  try {
    fn()
    return 200
  } catch (e) {
    return e instanceof WebhookError ? e.status : 500
  }
}

describe("webhook signatures", () => {
  it("compares in constant time and checks freshness both ways", () => {
    expect(safeEqual("abc", "abc")).toBe(true)
    expect(safeEqual("abc", "abd")).toBe(false)
    expect(safeEqual("abc", "abcd")).toBe(false)
    const s = String(Math.floor(now.getTime() / 1000))
    expect(isFresh(s, now)).toBe(true)
    expect(isFresh(String(Number(s) - 301), now)).toBe(false)
    expect(isFresh(String(Number(s) + 301), now)).toBe(false)
    expect(isFresh(String(now.getTime()), now)).toBe(true)
    expect(isFresh("abc", now)).toBe(false)
  })

  it("SePay: API key or HMAC-SHA256 over timestamp.body", () => {
    const body = Buffer.from('{"id":1}')
    const cfg = { api_key: "k".repeat(20), hmac_secret: "s".repeat(20) }
    const keyOnly = { api_key: cfg.api_key }
    expect(
      status(() =>
        verifySepay(
          { authorization: `Apikey ${cfg.api_key}` },
          body,
          keyOnly,
          now
        )
      )
    ).toBe(200)
    // With an HMAC secret configured, the right API key alone is not enough.
    expect(
      status(() =>
        verifySepay({ authorization: `Apikey ${cfg.api_key}` }, body, cfg, now)
      )
    ).toBe(401)
    expect(
      status(() =>
        verifySepay({ authorization: "Apikey nope" }, body, cfg, now)
      )
    ).toBe(401)
    expect(status(() => verifySepay({}, body, cfg, now))).toBe(401)
    const t = String(Math.floor(now.getTime() / 1000))
    const sig = hmac("sha256", cfg.hmac_secret, `${t}.${body}`)
    expect(
      status(() =>
        verifySepay(
          { "x-sepay-signature": sig, "x-sepay-timestamp": t },
          body,
          cfg,
          now
        )
      )
    ).toBe(200)
    expect(
      status(() =>
        verifySepay(
          { "x-sepay-signature": `sha256=${sig}`, "x-sepay-timestamp": t },
          body,
          cfg,
          now
        )
      )
    ).toBe(200)
    expect(
      status(() =>
        verifySepay(
          {
            "x-sepay-signature": sig,
            "x-sepay-timestamp": String(Number(t) - 600),
          },
          body,
          cfg,
          now
        )
      )
    ).toBe(401)
    expect(
      status(() =>
        verifySepay(
          { "x-sepay-signature": sig, "x-sepay-timestamp": t },
          Buffer.from('{"id":2}'),
          cfg,
          now
        )
      )
    ).toBe(401)
  })

  it("Casso v2: HMAC-SHA512 over t.key-sorted JSON", () => {
    const body = {
      error: 0,
      data: {
        id: 7,
        amount: 1000,
        description: "x",
        transactionDateTime: "2026-11-23 10:00:00",
      },
    }
    const sorted =
      '{"data":{"amount":1000,"description":"x","id":7,"transactionDateTime":"2026-11-23 10:00:00"},"error":0}'
    const t = String(now.getTime())
    const header = `t=${t},v1=${hmac("sha512", "secret-secret-secret", `${t}.${sorted}`)}`
    expect(
      status(() => verifyCasso(header, body, "secret-secret-secret", now))
    ).toBe(200)
    expect(
      status(() =>
        verifyCasso(header, { ...body, error: 1 }, "secret-secret-secret", now)
      )
    ).toBe(401)
    expect(
      status(() => verifyCasso("garbage", body, "secret-secret-secret", now))
    ).toBe(401)
  })

  it("generic: HMAC-SHA256 over t.raw body", () => {
    const raw = Buffer.from('{"transactions":[]}')
    const t = String(Math.floor(now.getTime() / 1000))
    expect(
      status(() =>
        verifyGeneric(
          `t=${t},v1=${hmac("sha256", "g".repeat(16), `${t}.${raw}`)}`,
          raw,
          "g".repeat(16),
          now
        )
      )
    ).toBe(200)
    expect(
      status(() => verifyGeneric(`t=${t},v1=00`, raw, "g".repeat(16), now))
    ).toBe(401)
  })
})

describe("webhook payloads", () => {
  it("SePay's local time is Vietnam time", () => {
    const [line] = parseSepay({
      id: 92704,
      gateway: "Vietcombank",
      transactionDate: "2023-03-25 14:02:37",
      accountNumber: "0123499999",
      code: null,
      content: "DH1042K chuyen tien",
      transferType: "in",
      transferAmount: 2277000,
      accumulated: 19077000,
      subAccount: null,
      referenceCode: "MBVCB.3278907687",
      description: "",
    })
    expect(line).toMatchObject({
      external_id: "92704",
      amount: "2277000",
      direction: "in",
      currency_code: "VND",
      memo: "DH1042K chuyen tien",
      account: "0123499999",
    })
    expect(line.booked_at.toISOString()).toBe("2023-03-25T07:02:37.000Z")
  })

  it("Casso's negative amounts are money out", () => {
    const lines = parseCasso({
      error: 0,
      data: [
        {
          id: 1,
          description: "phi",
          amount: -11000,
          transactionDateTime: "2026-01-01 00:00:00",
        },
      ],
    })
    expect(lines[0]).toMatchObject({ direction: "out", amount: "11000" })
  })

  it("refuses malformed bodies with the field at fault", () => {
    expect(() =>
      parseSepay({
        id: 1,
        transferType: "in",
        transferAmount: 1.5,
        transactionDate: "2026-01-01 10:00:00",
      })
    ).toThrow(/transferAmount/)
    expect(() =>
      parseGeneric({
        transactions: [
          {
            id: "a",
            booked_at: "yesterday",
            amount: "1",
            currency: "VND",
            direction: "in",
          },
        ],
      })
    ).toThrow(/booked_at/)
    expect(() =>
      parseCasso({
        data: { id: 1, amount: 0, transactionDateTime: "2026-01-01 00:00:00" },
      })
    ).toThrow(/amount/)
    expect(parseVietnamTime("2026-02-30 10:00:00")).toBeNull()
  })

  it("fingerprints the same line identically whatever the channel wrote", () => {
    const a = {
      account: "0071000123456",
      booked_at: new Date("2026-11-23T03:00:00Z"),
      direction: "in" as const,
      amount: "2430000",
      currency_code: "VND",
      memo: "DH1042K 0101234567001",
    }
    expect(
      fingerprint({
        ...a,
        memo: "dh1042k-0101234567001",
        booked_at: new Date("2026-11-23T10:00:00Z"),
        amount: "2430000.00",
      })
    ).toBe(fingerprint(a))
    expect(fingerprint({ ...a, amount: "2430001" })).not.toBe(fingerprint(a))
  })

  it("carries the bank's own reference for recognising the movement on other channels", () => {
    const [sepay] = parseSepay({
      id: 80123052,
      gateway: "Vietcombank",
      transactionDate: "2026-11-30 09:15:00",
      accountNumber: "0071000123456",
      content: "DH47V chuyen khoan",
      transferType: "in",
      transferAmount: 1000000,
      referenceCode: "MBVCB.5280123052",
    })
    expect(sepay).toMatchObject({
      external_id: "80123052",
      bank_references: ["MBVCB.5280123052"],
    })
    expect(
      parseSepay({
        id: 2,
        transactionDate: "2026-11-30 09:15:00",
        transferType: "in",
        transferAmount: 5,
        referenceCode: null,
      })[0].bank_references
    ).toEqual([])
    const [casso] = parseCasso({
      error: 0,
      data: {
        id: 7,
        reference: "FT26334123456",
        description: "DH47V",
        amount: 1000000,
        transactionDateTime: "2026-11-30 09:15:00",
      },
    })
    expect(casso).toMatchObject({
      external_id: "7",
      bank_references: ["FT26334123456"],
    })
  })

  it("generic: an amount finer than its currency is a 400 naming the field, never stored", () => {
    const line = (amount: string, currency = "VND") => ({
      id: "g1",
      booked_at: "2026-11-30T09:15:00+07:00",
      amount,
      currency,
      direction: "in",
    })
    expect(parseGeneric({ transactions: [line("2430000")] })[0].amount).toBe(
      "2430000"
    )
    expect(
      parseGeneric({ transactions: [line("12.5", "usd")] })[0]
    ).toMatchObject({ amount: "12.50", currency_code: "USD" })
    const refusal = (body: unknown) => {
      try {
        parseGeneric(body)
      } catch (e) {
        return e instanceof WebhookError
          ? [e.status, e.message]
          : [500, String(e)]
      }
      return [200, ""]
    }
    expect(refusal({ transactions: [line("100"), line("2430000.5")] })).toEqual(
      [
        400,
        "Invalid payload: transactions.1.amount: 2430000.5 has more decimals than VND allows (0)",
      ]
    )
    expect(refusal({ transactions: [line("1.234", "USD")] })).toEqual([
      400,
      "Invalid payload: transactions.0.amount: 1.234 has more decimals than USD allows (2)",
    ])
    expect(refusal({ transactions: [line("10", "XYZ")] })).toEqual([
      400,
      'Invalid payload: transactions.0.amount: "XYZ" is not an ISO 4217 currency code',
    ])
  })
})
