import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { parseVietQrPayload } from "../../src/lib/expect/vietqr"
import { isValidReference } from "../../src/lib/identifiers/reference"
import {
  BANK_TRANSFER_PROVIDER_ID,
  customerHeaders,
  placeOrder,
  seedShop,
  SeededShop,
} from "../helpers/shop"
import { settle } from "../helpers/settle"

jest.setTimeout(120 * 1000)

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let shop: SeededShop

    beforeAll(async () => {
      shop = await seedShop(getContainer())
    })

    afterEach(async () => {
      await settle(getContainer())
    })

    describe("checkout with bank transfer", () => {
      it("offers the provider in the Vietnam region and returns the accounts at session start", async () => {
        const pk = {
          headers: { "x-publishable-api-key": shop.publishable_key },
        }
        const { data } = await api.get(
          `/store/payment-providers?region_id=${shop.region_id}`,
          pk
        )
        expect(data.payment_providers.map((p: any) => p.id)).toContain(
          BANK_TRANSFER_PROVIDER_ID
        )

        const buyer = await customerHeaders(api, shop, "session@example.com")
        const { data: c } = await api.post(
          "/store/carts",
          { region_id: shop.region_id },
          buyer
        )
        await api.post(
          `/store/carts/${c.cart.id}/line-items`,
          { variant_id: shop.digital_variant_id, quantity: 1 },
          buyer
        )
        const { data: pc } = await api.post(
          "/store/payment-collections",
          { cart_id: c.cart.id },
          buyer
        )
        const { data: s } = await api.post(
          `/store/payment-collections/${pc.payment_collection.id}/payment-sessions`,
          { provider_id: BANK_TRANSFER_PROVIDER_ID },
          buyer
        )
        const session = s.payment_collection.payment_sessions[0]
        expect(session.data.accounts).toEqual([
          expect.objectContaining({
            bank_bin: "970436",
            account_number: "0071000123456",
            currency: "VND",
          }),
        ])
        expect(session.data.currency_code).toBe("VND")
        expect(session.data.amount).toBe("2400000")
      })

      it("places the order unpaid, stores its expectation and returns instructions with a VietQR", async () => {
        const buyer = await customerHeaders(api, shop, "buyer@example.com")
        const { order } = await placeOrder(api, shop, buyer, {
          billing: {
            company: "Công ty TNHH Hoa Sen",
            metadata: { tax_code: "0101234567-001" },
          },
        })
        const { data: stored } = await api.get(
          `/store/orders/${order.id}?fields=+payment_status`,
          buyer
        )
        // Placed without money, like Medusa's manual provider: authorised, not captured.
        expect(stored.order.payment_status).toBe("authorized")

        const { data } = await api.get(
          `/store/bank-transfer/orders/${order.id}`,
          buyer
        )
        const bt = data.bank_transfer
        const total = 2400000 + 30000
        expect(bt).toMatchObject({
          order_id: order.id,
          status: "awaiting_transfer",
          currency_code: "VND",
          amount_due: String(total),
          amount_received: "0",
          amount_remaining: String(total),
        })
        expect(bt.reference).toMatch(new RegExp(`^DH${order.display_id}[A-Z]$`))
        expect(isValidReference(bt.reference)).toBe(true)
        expect(bt.memo).toBe(`${bt.reference} 0101234567001`)
        expect(bt.memo.length).toBeLessThanOrEqual(25)
        expect(bt.deadline).toEqual(expect.any(String))
        expect(bt.qr.svg).toContain("<svg")
        const qr = parseVietQrPayload(bt.qr.payload)
        expect(qr.amount).toBe(String(total))
        expect(qr.bin).toBe("970436")
        expect(qr.accountNumber).toBe("0071000123456")
        expect(qr.memo).toBe(bt.memo)

        const service: any = getContainer().resolve("bankTransfer")
        const [expectation] = await service.listExpectations({
          order_id: order.id,
        })
        expect(expectation).toMatchObject({
          order_number: String(order.display_id),
          tax_code: "0101234567001",
          phone: "0912345678",
          company_name: "Công ty TNHH Hoa Sen",
          policy: "digital",
          status: "awaiting_transfer",
        })
      })

      it("lets one customer check out twice at once, with no account holder at the bank", async () => {
        const buyer = await customerHeaders(api, shop, "twice@example.com")
        const [a, b] = await Promise.all([
          placeOrder(api, shop, buyer),
          placeOrder(api, shop, buyer),
        ])
        expect(a.order.id).not.toBe(b.order.id)
        // The provider answers "none created": no row Medusa would have to keep unique per customer.
        const holders = await (
          getContainer().resolve("payment") as any
        ).listAccountHolders({ provider_id: "pp_bank-transfer_default" })
        expect(holders).toHaveLength(0)
      })

      it("answers 404 for another customer's order and for an unknown id, and 401 without login", async () => {
        const owner = await customerHeaders(api, shop, "owner@example.com")
        const other = await customerHeaders(api, shop, "other@example.com")
        const { order } = await placeOrder(api, shop, owner)

        const theirs = await api
          .get(`/store/bank-transfer/orders/${order.id}`, other)
          .catch((e) => e.response)
        expect(theirs.status).toBe(404)
        // Nothing of the order beyond the id that was asked for (no reference, memo, account or amount).
        expect(theirs.data).toEqual({
          type: "not_found",
          message: `Order with id: ${order.id} was not found`,
        })
        const unknown = await api
          .get(`/store/bank-transfer/orders/order_unknown`, other)
          .catch((e) => e.response)
        expect(unknown.status).toBe(404)
        expect(unknown.data).toEqual(
          theirs.data.message
            ? expect.objectContaining({ type: "not_found" })
            : expect.anything()
        )
        const anonymous = await api
          .get(`/store/bank-transfer/orders/${order.id}`, {
            headers: { "x-publishable-api-key": shop.publishable_key },
          })
          .catch((e) => e.response)
        expect(anonymous.status).toBe(401)
      })

      it("gives a guest how to pay in the order's payment data, and the store route answers to the payment token", async () => {
        const guest = {
          headers: { "x-publishable-api-key": shop.publishable_key },
        }
        const { order } = await placeOrder(api, shop, guest)
        await settle(getContainer())
        const { data } = await api.get(
          `/store/orders/${order.id}?fields=*payment_collections.payments`,
          guest
        )
        const [payment] = data.order.payment_collections[0].payments
        const details = payment.data.bank_transfer
        const [expectation] = await (
          getContainer().resolve("bankTransfer") as any
        ).listExpectations({ order_id: order.id })
        expect(details).toMatchObject({
          version: 1,
          reference: expectation.reference,
          memo: expectation.memo,
          currency_code: "VND",
          amount: String(order.total),
          accounts: [
            expect.objectContaining({ account_number: "0071000123456" }),
          ],
          payment_url: expect.stringMatching(
            new RegExp(`/bank-transfer/pay/${expectation.page_token}$`)
          ),
        })
        expect(parseVietQrPayload(details.qr_payload)).toMatchObject({
          amount: String(order.total),
        })
        expect(details.deadline).toBe(
          new Date(expectation.due_at).toISOString()
        )
        // The session Medusa keeps says the same, and it stays authorised.
        const collection = await (
          getContainer().resolve("payment") as any
        ).listPaymentCollections(
          { id: expectation.payment_collection_id },
          { relations: ["payment_sessions"] }
        )
        expect(collection[0].payment_sessions[0]).toMatchObject({
          status: "authorized",
          data: expect.objectContaining({ bank_transfer: details }),
        })

        // The QR image and the store route, with the token only.
        const token = expectation.page_token
        const qr = await api.get(`/bank-transfer/pay/${token}/qr`)
        expect(qr.headers["content-type"]).toMatch(/^image\/svg\+xml/)
        expect(qr.data).toContain("<svg")
        // "Save QR code" on the payment page: the same code as a PNG download.
        const png = await api.get(`/bank-transfer/pay/${token}/qr?format=png`, {
          responseType: "arraybuffer",
        })
        expect(png.headers["content-type"]).toBe("image/png")
        expect(png.headers["content-disposition"]).toMatch(
          /^attachment; filename="vietqr-.+\.png"$/
        )
        expect(Buffer.from(png.data).subarray(1, 4).toString()).toBe("PNG")
        const mine = await api.get(`/store/bank-transfer/orders/${order.id}`, {
          headers: { ...guest.headers, "x-bank-transfer-token": token },
        })
        expect(mine.data.bank_transfer).toMatchObject({
          reference: expectation.reference,
          payment_url: details.payment_url,
          status_url: details.status_url,
        })
        // The instructions' language is asked with ?lang=; anything but a language tag is a 400.
        const english = await api.get(
          `/store/bank-transfer/orders/${order.id}?lang=en`,
          { headers: { ...guest.headers, "x-bank-transfer-token": token } }
        )
        expect(english.data.bank_transfer.reference).toBe(expectation.reference)
        for (const q of ["lang=%3Cscript%3E", "lang=en&evil=1"]) {
          const bad = await api
            .get(`/store/bank-transfer/orders/${order.id}?${q}`, {
              headers: { ...guest.headers, "x-bank-transfer-token": token },
            })
            .catch((e) => e.response)
          expect([q, bad.status]).toEqual([q, 400])
        }
        // A wrong token, or this token for another order, is the same 404 as an unknown order.
        const other = await placeOrder(api, shop, guest)
        for (const [id, t] of [
          [order.id, token.slice(0, -1) + (token.endsWith("A") ? "B" : "A")],
          [other.order.id, token],
          ["order_unknown", token],
        ]) {
          const wrong = await api
            .get(`/store/bank-transfer/orders/${id}`, {
              headers: { ...guest.headers, "x-bank-transfer-token": t },
            })
            .catch((e) => e.response)
          expect([id, wrong.status]).toEqual([id, 404])
          expect(JSON.stringify(wrong.data)).not.toContain(
            expectation.reference
          )
        }

        // "I have paid" from a guest: with the token (once, however often sent), never without.
        const confirm = (headers: Record<string, string>) => {
          const form = new FormData()
          form.append("message", "Đã chuyển khoản")
          form.append("amount", Number(order.total).toLocaleString("vi-VN"))
          return api
            .post(`/store/bank-transfer/orders/${order.id}/confirm`, form, {
              headers: { ...guest.headers, ...headers },
            })
            .catch((e) => e.response)
        }
        expect((await confirm({})).status).toBe(401)
        expect(
          (await confirm({ "x-bank-transfer-token": token.slice(0, -2) }))
            .status
        ).toBe(404)
        const sent = await Promise.all([
          confirm({ "x-bank-transfer-token": token }),
          confirm({ "x-bank-transfer-token": token }),
        ])
        expect(sent.map((r) => r.status).sort()).toEqual([200, 201])
        expect(sent[0].data.confirmation.id).toBe(sent[1].data.confirmation.id)
        const stored = await (
          getContainer().resolve("bankTransfer") as any
        ).listPaymentConfirmations({ expectation_id: expectation.id })
        expect(stored).toHaveLength(1)
      })

      it("does nothing for an order paid with another provider", async () => {
        const buyer = await customerHeaders(api, shop, "manual@example.com")
        const { order } = await placeOrder(api, shop, buyer, {
          provider_id: "pp_system_default",
        })
        const res = await api
          .get(`/store/bank-transfer/orders/${order.id}`, buyer)
          .catch((e) => e.response)
        expect(res.status).toBe(404)
      })
    })
  },
})
