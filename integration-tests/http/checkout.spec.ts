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

      it("answers 404 for another customer's order and for an unknown id, and 401 without login", async () => {
        const owner = await customerHeaders(api, shop, "owner@example.com")
        const other = await customerHeaders(api, shop, "other@example.com")
        const { order } = await placeOrder(api, shop, owner)

        const theirs = await api
          .get(`/store/bank-transfer/orders/${order.id}`, other)
          .catch((e) => e.response)
        expect(theirs.status).toBe(404)
        expect(JSON.stringify(theirs.data)).not.toContain("DH")
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
