import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import {
  adminHeaders,
  customerHeaders,
  placeOrder,
  seedShop,
  SeededShop,
} from "../helpers/shop"
import { settle } from "../helpers/settle"
import { withPublicUrl } from "../helpers/public-url"
import { postSepay, sepayPayload, waitFor } from "../helpers/webhooks"

jest.setTimeout(180 * 1000)

const TOTAL = 2400000 + 30000 // the digital product plus shipping
/** Intl writes a no-break space before the đồng sign. */
const plain = (s: string) => s.replace(/\u00a0/g, " ")

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

    const feed = async () =>
      (await getContainer()
        .resolve(Modules.NOTIFICATION)
        .listNotifications({ channel: "feed" }, { take: 1000 })) as any[]

    it("the feed entry for a shopper who says they paid names the order by its display id and the money, and links to the order", async () => {
      const buyer = await customerHeaders(api, shop, "feed1@example.com")
      const { order } = await placeOrder(api, shop, buyer)
      // The expectation is created by a subscriber of order.placed.
      await waitFor(
        async () =>
          (
            await getContainer()
              .resolve("bankTransfer")
              .listExpectations({ order_id: order.id })
          ).length,
        "the order's expectation"
      )
      const f = new FormData()
      f.append("message", "Em đã chuyển khoản sáng nay")
      f.append("paid_on", "2026-11-23")
      f.append("amount", String(TOTAL))
      const ok = await api
        .post(`/store/bank-transfer/orders/${order.id}/confirm`, f, buyer)
        .catch((e) => e.response)
      expect(ok.status).toBe(201)

      const entry = await waitFor(
        async () =>
          (await feed()).find(
            (n) => n.trigger_type === "bank_transfer.customer_confirmed"
          ),
        "the feed entry"
      )
      expect(entry.data.title).toBe("Shopper says they paid")
      const description = plain(entry.data.description)
      expect(description).toContain(`Order #${order.display_id}`)
      expect(description).toContain("says they sent 2.430.000 ₫ on 2026-11-23")
      expect(description).not.toContain("undefined")
      expect(description).not.toContain("btexp_")
      expect(entry.data.url).toBe(`/orders/${order.id}`)
      expect(entry.resource_id).toBe(order.id)
    })

    it("the settings show each webhook channel's last delivery and last error", async () => {
      const channel = async (name: string) =>
        (
          await api.get("/admin/bank-transfer/settings", admin)
        ).data.webhooks.find((w: any) => w.channel === name)
      expect(await channel("sepay")).toMatchObject({
        last_delivery_at: null,
        last_error_at: null,
        last_error: null,
      })

      const before = Date.now()
      const good = await postSepay(api, sepayPayload("CK khong ro don", 150000))
      expect(good.status).toBe(200)
      const afterGood = await channel("sepay")
      expect(Date.parse(afterGood.last_delivery_at)).toBeGreaterThanOrEqual(
        before - 1000
      )
      expect(afterGood.last_error_at).toBeNull()

      const bad = await postSepay(
        api,
        sepayPayload("CK khong ro don", 150000),
        "Apikey wrong-key"
      )
      expect(bad.status).toBe(401)
      const afterBad = await channel("sepay")
      expect(afterBad.last_delivery_at).toBe(afterGood.last_delivery_at)
      expect(Date.parse(afterBad.last_error_at)).toBeGreaterThanOrEqual(
        Date.parse(afterGood.last_delivery_at)
      )
      expect(afterBad.last_error).toMatch(/^401: /)
      expect(afterBad.last_error).not.toContain("wrong-key")

      // A test from the admin ("Send a test") is not a delivery; other channels are untouched.
      const test = await withPublicUrl(
        getContainer(),
        String(api.defaults.baseURL).replace(/\/$/, ""),
        () =>
          api.post(
            "/admin/bank-transfer/webhooks/casso/test-delivery",
            {},
            admin
          )
      )
      expect(test.data.status).toBe(200)
      expect(await channel("casso")).toMatchObject({
        last_delivery_at: null,
        last_error_at: null,
      })
    })
  },
})
