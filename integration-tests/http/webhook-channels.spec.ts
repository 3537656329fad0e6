import crypto from "crypto"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import {
  adminHeaders,
  customerHeaders,
  placeOrder,
  seedShop,
  SeededShop,
} from "../helpers/shop"
import { withPublicUrl } from "../helpers/public-url"
import { settle } from "../helpers/settle"
import {
  SECRETS,
  sepayHmacHeaders,
  vietnamTime,
  waitFor,
} from "../helpers/webhooks"
import { payosSignedText } from "../../src/lib/ingest/webhooks/payos"

jest.setTimeout(180 * 1000)

const TOTAL = 2400000 + 30000 // the digital product plus shipping
const PAYOS_KEY = "dev-payos-checksum-key-change-me" // medusa-config.ts's development default
const BIG_ID = "9223372036854775807" // 2^63 − 1: a JavaScript number would read …808

/**
 * A payOS delivery as payOS sends it, `data` signed with the checksum key; booked now (money
 * booked before an order was placed never pays it).
 */
function payosDelivery(description: string, amount: number, key = PAYOS_KEY) {
  const data = {
    orderCode: 260001,
    amount,
    description,
    accountNumber: "0071000123456",
    reference: `FT${crypto.randomInt(1e9)}`,
    transactionDateTime: vietnamTime(),
    currency: "VND",
    paymentLinkId: "c0ffee",
    code: "00",
    desc: "success",
    counterAccountBankId: "970436",
    counterAccountBankName: "Vietcombank",
    counterAccountName: "NGUYEN VAN A",
    counterAccountNumber: "0011004123456",
    virtualAccountName: "",
    virtualAccountNumber: "",
  }
  const signature = crypto
    .createHmac("sha256", key)
    .update(payosSignedText(data))
    .digest("hex")
  return { code: "00", desc: "success", success: true, data, signature }
}

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let shop: SeededShop
    let admin: { headers: Record<string, string> }

    beforeAll(async () => {
      shop = await seedShop(getContainer())
      admin = await adminHeaders(api, getContainer())
    })

    afterEach(async () => {
      await settle(getContainer())
    })

    const post = (url: string, raw: string, headers: Record<string, string>) =>
      api
        .post(url, raw, {
          headers: { "content-type": "application/json", ...headers },
        })
        .catch((e) => e.response)
    const transactionsMatching = async (q: string) =>
      (
        await api.get(
          `/admin/bank-transfer/transactions?limit=50&q=${encodeURIComponent(q)}`,
          admin
        )
      ).data.transactions as any[]
    const detail = async (id: string) =>
      (await api.get(`/admin/bank-transfer/transactions/${id}`, admin)).data

    it("payOS: a signed delivery with the order's reference in description pays the order", async () => {
      const buyer = await customerHeaders(api, shop, "payos@example.com")
      const { order } = await placeOrder(api, shop, buyer)
      const { data } = await api.get(
        `/store/bank-transfer/orders/${order.id}`,
        buyer
      )
      const bt = data.bank_transfer

      const forged = payosDelivery(
        `CSW1 ${bt.reference}`,
        TOTAL,
        "wrong-key-0123456789"
      )
      const refused = await post(
        "/hooks/bank-transfer/payos",
        JSON.stringify(forged),
        {}
      )
      expect(refused.status).toBe(401)
      expect(await transactionsMatching(bt.reference)).toHaveLength(0)

      const delivery = payosDelivery(`CSW1 ${bt.reference}`, TOTAL)
      const res = await post(
        "/hooks/bank-transfer/payos",
        JSON.stringify(delivery),
        {}
      )
      expect(res.status).toBe(200)
      expect(res.data).toMatchObject({ code: "00", success: true, created: 1 })

      const paid = await waitFor(async () => {
        const d = (
          await api.get(`/admin/bank-transfer/orders/${order.id}`, admin)
        ).data
        return d.expectation?.status === "paid" ? d : null
      }, "paid by payOS")
      expect(paid.expectation.amount_received).toBe(TOTAL)

      const [t] = await transactionsMatching(bt.reference)
      const { transaction, sightings } = await detail(t.id)
      expect(transaction).toMatchObject({
        source: "payos",
        external_id: delivery.data.reference,
        counterparty_name: "NGUYEN VAN A",
        counterparty_account: "0011004123456",
      })
      expect(sightings[0].raw).toEqual(delivery)
    })

    it('SePay: "IN" and a 19-digit id are stored with the id exact', async () => {
      const raw = JSON.stringify({
        id: "__ID__",
        gateway: "MBBank",
        transactionDate: "2026-11-30 10:20:30",
        accountNumber: "0071000123456",
        code: null,
        content: "SEPAYBIGID chuyen tien",
        transferType: "IN",
        transferAmount: 150000,
        accumulated: null,
        subAccount: "",
        referenceCode: "MBVCB.99887766",
        description: null,
      }).replace('"__ID__"', BIG_ID)
      // The dev shop configures SePay's HMAC secret: the signature is required.
      const res = await post(
        "/hooks/bank-transfer/sepay",
        raw,
        sepayHmacHeaders(raw)
      )
      expect(res.status).toBe(200)
      expect(res.data).toEqual({ success: true })
      expect(
        (await post("/hooks/bank-transfer/sepay", raw, sepayHmacHeaders(raw)))
          .status
      ).toBe(200)

      const list = await transactionsMatching("SEPAYBIGID")
      expect(list).toHaveLength(1)
      const { transaction, sightings } = await detail(list[0].id)
      expect(transaction).toMatchObject({
        source: "sepay",
        external_id: BIG_ID,
        direction: "in",
      })
      expect(sightings[0].raw.id).toBe(BIG_ID)
    })

    it("Casso v1: secure-token and a date-only `when` are accepted", async () => {
      const body = {
        error: 0,
        data: [
          {
            id: 880001,
            tid: "FT26334000777",
            description: "CASSOV1 thanh toan",
            amount: 420000,
            cusum_balance: 12000000,
            when: "2026-11-30",
            bank_sub_acc_id: "0071000123456",
            subAccId: "0071000123456",
            corresponsiveName: "TRAN THI B",
            corresponsiveAccount: "123400005678",
            corresponsiveBankId: "970422",
            corresponsiveBankName: "MB Bank",
          },
        ],
      }
      const wrong = await post(
        "/hooks/bank-transfer/casso",
        JSON.stringify(body),
        {
          "secure-token": "not-the-secret",
        }
      )
      expect(wrong.status).toBe(401)
      const res = await post(
        "/hooks/bank-transfer/casso",
        JSON.stringify(body),
        {
          "secure-token": SECRETS.casso,
        }
      )
      expect(res.status).toBe(200)
      const [t] = await transactionsMatching("CASSOV1")
      const { transaction, sightings } = await detail(t.id)
      expect(transaction).toMatchObject({
        source: "casso",
        external_id: "880001",
        counterparty_name: "TRAN THI B",
        counterparty_account: "123400005678",
      })
      expect(sightings[0].raw).toEqual(body.data[0])
    })

    it("payOS is listed in the settings and its test delivery passes verification", async () => {
      const { data } = await api.get("/admin/bank-transfer/settings", admin)
      expect(data.webhooks).toContainEqual(
        expect.objectContaining({
          channel: "payos",
          url: "/hooks/bank-transfer/payos",
          configured: true,
        })
      )
      // The test delivery goes to the shop's public URL: here, the test server.
      const test = await withPublicUrl(
        getContainer(),
        String(api.defaults.baseURL).replace(/\/$/, ""),
        () =>
          api.post(
            "/admin/bank-transfer/webhooks/payos/test-delivery",
            {},
            admin
          )
      )
      expect(test.data).toMatchObject({
        channel: "payos",
        status: 200,
        body: { success: true, test: true, lines: 1 },
      })
    })

    it("answers 400, never 500, for bodies that are not what a channel sends", async () => {
      const auth: Record<string, (raw: string) => Record<string, string>> = {
        sepay: (raw) => sepayHmacHeaders(raw),
        casso: () => ({ "secure-token": SECRETS.casso }),
        payos: () => ({}),
        generic: () => ({}),
      }
      for (const channel of Object.keys(auth)) {
        for (const raw of ["{not json", "[]", '"text"', "{}", '{"data": 5}']) {
          const res = await post(
            `/hooks/bank-transfer/${channel}`,
            raw,
            auth[channel](raw)
          )
          expect([channel, raw, res.status < 500]).toEqual([channel, raw, true])
          expect([400, 401]).toContain(res.status)
        }
      }
    })
  },
})
