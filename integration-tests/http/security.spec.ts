import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import {
  adminHeaders,
  placeBankTransferOrder,
  seedShop,
  SeededShop,
} from "../helpers/shop"
import { settle } from "../helpers/settle"
import { postSepay, SECRETS, sepayPayload } from "../helpers/webhooks"

jest.setTimeout(180 * 1000)

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 1),
])
/** A form with one proof file of `bytes` bytes (over proof_max_bytes = 5 MB when large). */
const proofForm = (bytes = PNG.length) => {
  const f = new FormData()
  f.append("message", "da chuyen")
  f.append(
    "file",
    new Blob([Buffer.concat([PNG, Buffer.alloc(bytes - PNG.length)])]),
    "proof.png"
  )
  return f
}
const flip = (t: string) => t.slice(0, -1) + (t.endsWith("A") ? "B" : "A")

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

    let n = 0
    const service = () => getContainer().resolve("bankTransfer") as any
    async function order() {
      const placed = await placeBankTransferOrder(
        api,
        shop,
        `sec${++n}@example.com`
      )
      const [e] = await service().listExpectations({
        order_id: placed.order.id,
      })
      return { ...placed, expectation: e, token: e.page_token as string }
    }
    const post = (url: string, body: unknown, headers = {}) =>
      api.post(url, body, { headers }).catch((e) => e.response)
    const get = (url: string, headers = {}) =>
      api.get(url, { headers }).catch((e) => e.response)

    /** Sets an option on the running shop (the file's and the cached effective options); returns the undo. */
    async function setOption(apply: (o: any) => () => void) {
      const undo = [
        apply(service().getOptions()),
        apply(await service().loadOptions()),
      ]
      return () => undo.reverse().forEach((u) => u())
    }
    const usePublicUrl = (url: string) =>
      setOption((o) => {
        const before = o.public_url
        o.public_url = url
        return () => {
          o.public_url = before
        }
      })

    describe("uploads are authorised before they are read", () => {
      it("a wrong token, a paid order, a full order: refused before a 6 MB file is read", async () => {
        const { token, expectation, order: o, buyer } = await order()
        const big = () => proofForm(6 * 1024 * 1024)
        // Read first, it would be 400 "larger than"; authorised first, it is 404.
        const wrong = await post(
          `/bank-transfer/pay/${flip(token)}/confirm`,
          big()
        )
        expect(wrong.status).toBe(404)
        expect(wrong.data.message).toBe("This payment link is not valid")

        // The order's cap (10 confirmations by default) reached: 400 before the upload.
        for (let i = 0; i < 10; i++) {
          await service().createPaymentConfirmations({
            expectation_id: expectation.id,
            message: `m${i}`,
            channel: "payment_page",
            files: [],
          })
        }
        const full = await post(`/bank-transfer/pay/${token}/confirm`, big())
        expect(full.status).toBe(400)
        expect(full.data.message).toMatch(
          /already has 10 payment confirmations/
        )
        const fullStore = await post(
          `/store/bank-transfer/orders/${o.id}/confirm`,
          big(),
          buyer.headers
        )
        expect(fullStore.status).toBe(400)
        expect(fullStore.data.message).toMatch(/already has 10/)

        // Nothing to confirm once paid.
        const other = await order()
        await service().updateExpectations({
          id: other.expectation.id,
          status: "paid",
          paid_at: new Date(),
        })
        const paid = await post(
          `/bank-transfer/pay/${other.token}/confirm`,
          big()
        )
        expect(paid.status).toBe(400)
        expect(paid.data.message).toBe("Nothing to confirm: this order is paid")
        expect(
          await service().listPaymentConfirmations({
            expectation_id: other.expectation.id,
          })
        ).toHaveLength(0)
      })

      it("the files cap is checked when the confirmation is stored", async () => {
        const { token, expectation } = await order()
        for (let i = 0; i < 7; i++) {
          await service().createPaymentConfirmations({
            expectation_id: expectation.id,
            message: `m${i}`,
            channel: "payment_page",
            files: [{ id: `f${i}a` }, { id: `f${i}b` }, { id: `f${i}c` }].slice(
              0,
              i === 6 ? 1 : 3
            ),
          })
        }
        // 19 files stored (cap 20): two more are refused by the workflow, under the order's lock.
        const two = proofForm()
        two.append("file", new Blob([PNG]), "second.png")
        const res = await post(`/bank-transfer/pay/${token}/confirm`, two)
        expect(res.status).toBe(400)
        expect(res.data.message).toMatch(/19 proof files \(at most 20\)/)
        expect(
          await service().listPaymentConfirmations({
            expectation_id: expectation.id,
          })
        ).toHaveLength(7)
        // One more is accepted.
        expect(
          (await post(`/bank-transfer/pay/${token}/confirm`, proofForm()))
            .status
        ).toBe(201)
      })

      it("a flood on one token is answered 429 with a JSON message", async () => {
        const { token } = await order()
        const answers: number[] = []
        for (let i = 0; i < 61; i++) {
          answers.push((await get(`/bank-transfer/pay/${token}/status`)).status)
        }
        expect(answers.slice(0, 60).every((s) => s === 200)).toBe(true)
        const last = await get(`/bank-transfer/pay/${token}/status`)
        expect(last.status).toBe(429)
        expect(last.headers["retry-after"]).toMatch(/^\d+$/)
        expect(last.data).toMatchObject({
          type: "too_many_requests",
          message: expect.stringMatching(/^Too many requests/),
        })
        // Another token is not concerned.
        const { token: other } = await order()
        expect((await get(`/bank-transfer/pay/${other}/status`)).status).toBe(
          200
        )
      })
    })
    describe("the payment page cannot be framed", () => {
      it("page, status, QR and their 404s send DENY, frame-ancestors 'none', nosniff, no-referrer", async () => {
        const { token } = await order()
        const urls = [
          `/bank-transfer/pay/${token}`,
          `/bank-transfer/pay/${token}/status`,
          `/bank-transfer/pay/${token}/qr`,
          `/bank-transfer/pay/${flip(token)}`,
          `/bank-transfer/pay/${flip(token)}/status`,
          `/bank-transfer/pay/${flip(token)}/qr`,
        ]
        for (const url of urls) {
          const res = await get(url)
          expect([200, 404]).toContain(res.status)
          expect(res.headers["x-frame-options"]).toBe("DENY")
          expect(res.headers["content-security-policy"]).toMatch(
            /frame-ancestors 'none'/
          )
          expect(res.headers["x-content-type-options"]).toBe("nosniff")
          expect(res.headers["referrer-policy"]).toBe("no-referrer")
        }
        // The page's own policy keeps its script nonce.
        expect(
          (await get(`/bank-transfer/pay/${token}`)).headers[
            "content-security-policy"
          ]
        ).toMatch(/script-src 'nonce-.*frame-ancestors 'none'/)
      })
    })
    describe("SePay with an HMAC secret configured", () => {
      it("the right API key alone is refused (401), nothing stored; signed, it is accepted", async () => {
        const { expectation } = await order()
        const payload = sepayPayload(expectation.memo, 1000)
        const keyOnly = await postSepay(
          api,
          payload,
          `Apikey ${SECRETS.sepayApiKey}`
        )
        expect(keyOnly.status).toBe(401)
        expect(keyOnly.data.message).toMatch(/X-SePay-Signature/)
        const stored = () =>
          service().listSightings({ external_id: String(payload.id) })
        expect(await stored()).toHaveLength(0)
        expect((await postSepay(api, payload)).status).toBe(200)
      })
    })
    describe("webhook test delivery", () => {
      it("goes to the configured public URL only, whatever the Host header says", async () => {
        const base = String(api.defaults.baseURL).replace(/\/$/, "")
        const restore = await usePublicUrl(base)
        try {
          // The old route called http://<Host>/…: here a closed port, answered 500.
          const res = await post(
            "/admin/bank-transfer/webhooks/casso/test-delivery",
            {},
            { ...admin.headers, host: "127.0.0.1:1" }
          )
          expect(res.status).toBe(200)
          expect(res.data).toMatchObject({
            url: `${base}/hooks/bank-transfer/casso`,
            status: 200,
          })
          const sepay = await post(
            "/admin/bank-transfer/webhooks/sepay/test-delivery",
            {},
            admin.headers
          )
          expect(sepay.data).toMatchObject({ status: 200 })
          for (const secret of Object.values(SECRETS)) {
            expect(JSON.stringify([res.data, sepay.data])).not.toContain(secret)
          }
        } finally {
          restore()
        }
      })

      it("an unreachable public URL is a 424 with the reason; SePay with an API key only is refused", async () => {
        const restore = await usePublicUrl("http://127.0.0.1:1")
        try {
          const res = await post(
            "/admin/bank-transfer/webhooks/generic/test-delivery",
            {},
            admin.headers
          )
          expect(res.status).toBe(424)
          expect(res.data.message).toMatch(
            /^The shop's public address http:\/\/127\.0\.0\.1:1 could not be reached \(\w+/
          )
        } finally {
          restore()
        }
        const keyOnly = await setOption((o) => {
          const sepay = o.webhooks.sepay
          const before = sepay.hmac_secret
          delete sepay.hmac_secret
          return () => {
            sepay.hmac_secret = before
          }
        })
        try {
          const res = await post(
            "/admin/bank-transfer/webhooks/sepay/test-delivery",
            {},
            admin.headers
          )
          expect(res.status).toBe(400)
          expect(res.data.message).toMatch(/API key only/)
          expect(JSON.stringify(res.data)).not.toContain(SECRETS.sepayApiKey)
        } finally {
          keyOnly()
        }
      })
    })
    describe("payment-page tokens", () => {
      it("expire payment_page_ttl_days (30) after the order is paid; an admin rotates a token", async () => {
        const { token, expectation, order: o } = await order()
        const paidAgo = async (days: number) =>
          service().updateExpectations({
            id: expectation.id,
            status: "paid",
            paid_at: new Date(Date.now() - days * 86_400_000),
          })
        await paidAgo(29)
        expect((await get(`/bank-transfer/pay/${token}/status`)).status).toBe(
          200
        )
        await paidAgo(31)
        expect((await get(`/bank-transfer/pay/${token}`)).status).toBe(404)
        expect((await get(`/bank-transfer/pay/${token}/status`)).status).toBe(
          404
        )
        await service().updateExpectations({
          id: expectation.id,
          status: "awaiting_transfer",
          paid_at: null,
        })

        const rotated = await post(
          `/admin/bank-transfer/orders/${o.id}/rotate-page-token`,
          {},
          admin.headers
        )
        expect(rotated.status).toBe(200)
        const fresh = rotated.data.payment_url.split("/").pop()
        expect(fresh).toMatch(/^[A-Za-z0-9_-]{32}$/)
        expect(fresh).not.toBe(token)
        expect((await get(`/bank-transfer/pay/${token}/status`)).status).toBe(
          404
        )
        expect((await get(`/bank-transfer/pay/${fresh}/status`)).status).toBe(
          200
        )
        // The order's payment data carries the new link.
        const [collection] = await getContainer()
          .resolve(Modules.PAYMENT)
          .listPaymentCollections(
            { id: expectation.payment_collection_id },
            { relations: ["payments"] }
          )
        expect(
          collection.payments.map(
            (p: any) => p.data?.bank_transfer?.payment_url
          )
        ).toContain(rotated.data.payment_url)
        expect(
          (
            await post(
              `/admin/bank-transfer/orders/${o.id}/rotate-page-token`,
              { token: "mine" },
              admin.headers
            )
          ).status
        ).toBe(400)
        expect(
          (
            await post(
              `/admin/bank-transfer/orders/order_nope/rotate-page-token`,
              {},
              admin.headers
            )
          ).status
        ).toBe(404)
      })
    })
    describe("proof files", () => {
      it("are stored sealed under a random name: the file provider's URL shows neither; the admin route opens them", async () => {
        const { token } = await order()
        const res = await post(
          `/bank-transfer/pay/${token}/confirm`,
          proofForm()
        )
        expect(res.status).toBe(201)
        const [confirmation] = await service().listPaymentConfirmations({
          id: res.data.confirmation.id,
        })
        const [file] = confirmation.files
        expect(file).toMatchObject({
          filename: "proof.png",
          mime_type: "image/png",
        })
        // Medusa's local provider serves "private" files under /static: what it serves is sealed.
        expect(file.url).toMatch(/\/static\/private-\d+-[0-9a-f-]{36}\.bin$/)
        const served = await api.get(new URL(file.url).pathname, {
          responseType: "arraybuffer",
        })
        const bytes = Buffer.from(served.data)
        expect(bytes.length).toBeGreaterThan(PNG.length)
        expect(bytes.includes(PNG.subarray(0, 8))).toBe(false)
        expect(bytes.includes(PNG.subarray(8, 40))).toBe(false)
        const download = await api.get(
          `/admin/bank-transfer/confirmations/${confirmation.id}/files/${file.id}`,
          { ...admin, responseType: "arraybuffer" }
        )
        expect(Buffer.from(download.data).equals(PNG)).toBe(true)
        expect(download.headers["content-disposition"]).toContain("proof.png")
      })
    })
  },
})
