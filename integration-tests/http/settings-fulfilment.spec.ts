import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import {
  adminHeaders,
  placeBankTransferOrder,
  seedShop,
  SeededShop,
} from "../helpers/shop"
import { settle } from "../helpers/settle"
import { waitFor } from "../helpers/webhooks"

jest.setTimeout(180 * 1000)

/**
 * One source of settings (medusa-config.ts overlaid with what admins save, read through
 * loadOptions) and the `block_unpaid_fulfillment` guard on Medusa's fulfilment route. The demo
 * configuration (medusa-config.ts) has `write_off: { VND: "10000" }` and the guard on.
 */
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let shop: SeededShop
    let admin: { headers: Record<string, string> }
    let buyers = 0

    beforeAll(async () => {
      shop = await seedShop(getContainer())
      admin = await adminHeaders(api, getContainer())
    })

    // The database is restored before each test, the module's options cache is not: every test
    // starts from the file options by removing the keys it may change.
    beforeEach(async () => {
      await saveSettings({
        write_off: null,
        block_unpaid_fulfillment: null,
      })
    })

    afterEach(async () => {
      await settle(getContainer())
    })

    const service = () => getContainer().resolve("bankTransfer") as any
    const saveSettings = (body: Record<string, unknown>) =>
      api
        .post("/admin/bank-transfer/settings", body, admin)
        .catch((e) => e.response)
    const newOrder = () =>
      placeBankTransferOrder(api, shop, `fulfil${++buyers}@example.com`)
    const transferOf = async (orderId: string) =>
      (await api.get(`/admin/bank-transfer/orders/${orderId}`, admin)).data
        .expectation
    const pay = async (memo: string, amount: number) =>
      api.post(
        "/admin/bank-transfer/simulate",
        { memo, amount: String(amount) },
        admin
      )
    const waitStatus = (orderId: string, status: string) =>
      waitFor(
        async () => (await transferOf(orderId)).status === status,
        `order ${orderId} ${status}`
      )
    const fulfil = async (order: any) =>
      api
        .post(
          `/admin/orders/${order.id}/fulfillments`,
          {
            items: order.items.map((i: any) => ({
              id: i.id,
              quantity: i.quantity,
            })),
          },
          admin
        )
        .catch((e) => e.response)
    const fulfilmentsOf = async (orderId: string) =>
      (await api.get(`/admin/orders/${orderId}?fields=id,*fulfillments`, admin))
        .data.order.fulfillments ?? []

    describe("settings: one source", () => {
      it("a runtime write_off is what loadOptions and GET settings give; a currency and the whole key can be removed", async () => {
        expect((await service().loadOptions()).write_off).toEqual({
          VND: "10000",
        })
        let res = await saveSettings({
          write_off: { VND: "20000", usd: "1.50" },
        })
        expect(res.status).toBe(200)
        expect(res.data.settings.write_off).toEqual({
          VND: "20000",
          USD: "1.50",
        })
        expect((await service().loadOptions()).write_off).toEqual({
          VND: "20000",
          USD: "1.50",
        })
        // The file options are untouched: only loadOptions sees the change.
        expect(service().getOptions().write_off).toEqual({ VND: "10000" })

        // Removing a currency removes it (Medusa's update used to merge the JSON value).
        res = await saveSettings({ write_off: { USD: "1.50" } })
        expect(res.data.settings.write_off).toEqual({ USD: "1.50" })
        expect((await service().loadOptions()).write_off).toEqual({
          USD: "1.50",
        })
        res = await saveSettings({ write_off: {} })
        expect(res.data.settings.write_off).toEqual({})

        // null removes the saved row: medusa-config.ts applies again.
        res = await saveSettings({ write_off: null })
        expect(res.data.settings.write_off).toEqual({ VND: "10000" })
        expect(await service().listSettings({ key: "write_off" })).toEqual([])

        // Other keys are left alone by a save that does not name them.
        await saveSettings({ allow_automatic_partials: false })
        await saveSettings({ write_off: { VND: "5000" } })
        const o = await service().loadOptions()
        expect(o.allow_automatic_partials).toBe(false)
        expect(o.write_off).toEqual({ VND: "5000" })
        await saveSettings({ allow_automatic_partials: null })
      })

      it("refuses invalid settings with 400 and saves nothing", async () => {
        for (const body of [
          { write_off: { VND: "lots" } },
          { write_off: { VND: "0.5" } },
          { write_off: { XXY: "5" } },
          { block_unpaid_fulfillment: "yes" },
          { unknown_key: null },
        ]) {
          const res = await saveSettings(body)
          expect(res.status).toBe(400)
        }
        expect(await service().listSettings({})).toEqual([])
      })

      it("demo write-off: a shopper 1,000 VND short is judged paid", async () => {
        const { order, bt } = await newOrder()
        await pay(bt.memo, Number(bt.amount_remaining) - 1000)
        await waitStatus(order.id, "paid")
      })

      it("a runtime write_off change reaches the matcher and the allocation (needs allocate.ts on loadOptions)", async () => {
        await saveSettings({ write_off: { VND: "20000" } })
        const { order, bt } = await newOrder()
        await pay(bt.memo, Number(bt.amount_remaining) - 15000)
        await waitStatus(order.id, "paid")
      })
    })

    describe("fulfilment guard (block_unpaid_fulfillment)", () => {
      it("refuses to fulfil an unpaid bank-transfer order with 400 and writes nothing; once paid it is fulfilled", async () => {
        const { order, bt } = await newOrder()
        const refused = await fulfil(order)
        expect(refused.status).toBe(400)
        expect(refused.data.type).toBe("not_allowed")
        expect(refused.data.message).toMatch(
          new RegExp(
            `^Order #${order.display_id} is waiting for its bank transfer \\(.+ still to receive\\); it can be fulfilled once it is paid\\. \\(Bank transfer setting: block_unpaid_fulfillment\\)$`
          )
        )
        expect(refused.data.message).toMatch(/2\.430\.000/)
        expect(await fulfilmentsOf(order.id)).toHaveLength(0)

        // Half paid: still refused, and the message says what arrived.
        const half = Number(bt.amount_remaining) / 2
        await pay(bt.memo, half)
        await waitStatus(order.id, "partially_paid")
        const stillRefused = await fulfil(order)
        expect(stillRefused.status).toBe(400)
        expect(stillRefused.data.message).toMatch(
          /received 1\.215\.000.* of 2\.430\.000.*, 1\.215\.000.* still to receive/
        )

        await pay(bt.memo, half)
        await waitStatus(order.id, "paid")
        const done = await fulfil(order)
        expect(done.status).toBe(200)
        expect(await fulfilmentsOf(order.id)).toHaveLength(1)
      })

      it("with the setting off (a runtime setting), an unpaid order may be fulfilled; null brings the file's value back", async () => {
        const res = await saveSettings({ block_unpaid_fulfillment: false })
        expect(res.data.settings.block_unpaid_fulfillment).toBe(false)
        const { order } = await newOrder()
        const done = await fulfil(order)
        expect(done.status).toBe(200)
        expect(await fulfilmentsOf(order.id)).toHaveLength(1)

        await saveSettings({ block_unpaid_fulfillment: null })
        const { order: other } = await newOrder()
        expect((await fulfil(other)).status).toBe(400)
      })

      it("an order paid another way is not concerned", async () => {
        const { placeOrder, customerHeaders } = await import("../helpers/shop")
        const buyer = await customerHeaders(
          api,
          shop,
          `manual${++buyers}@example.com`
        )
        const { order } = await placeOrder(api, shop, buyer, {
          provider_id: "pp_system_default",
        })
        expect((await fulfil(order)).status).toBe(200)
      })
    })
  },
})
