import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { MathBN } from "@medusajs/framework/utils"
import {
  adminHeaders,
  customerHeaders,
  placeOrder,
  seedShop,
  SeededShop,
} from "../helpers/shop"
import { settle } from "../helpers/settle"
import {
  cassoPayload,
  postCasso,
  postSepay,
  sepayPayload,
  waitFor,
} from "../helpers/webhooks"

/**
 * Issue 17, "surplus and refunds to the end": money to return becomes an item (one per cause),
 * the accountant records the refund (through Medusa's refund for money Medusa captured, in the
 * plugin alone for surplus) and gets the transfer back with its VietQR, and the outgoing transfer
 * closes it; or the money is kept for the customer. Through the real routes and webhooks.
 */

jest.setTimeout(240 * 1000)

const TOTAL = "2430000" // the digital product (2,400,000) plus shipping (30,000), VND
const money = (v: unknown): string =>
  v === undefined || v === null
    ? String(v)
    : MathBN.convert((v as any)?.value ?? (v as any)).toFixed()
const plus = (a: string, b: string) => MathBN.add(a, b).toFixed()

type Headers = { headers: Record<string, string> }

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let shop: SeededShop
    let admin: Headers
    let adminUserId: string

    beforeAll(async () => {
      shop = await seedShop(getContainer())
      admin = await adminHeaders(api, getContainer())
      adminUserId = (await api.get("/admin/users/me", admin)).data.user.id
    })

    afterEach(async () => {
      await settle(getContainer())
    })

    let buyers = 0
    async function newOrder() {
      const buyer = await customerHeaders(
        api,
        shop,
        `returns-buyer${++buyers}@example.com`
      )
      const { order } = await placeOrder(api, shop, buyer)
      const { data } = await api.get(
        `/store/bank-transfer/orders/${order.id}`,
        buyer
      )
      return { order, bt: data.bank_transfer }
    }

    const post = (url: string, body: unknown = {}) =>
      api.post(url, body, admin).catch((e) => e.response)
    const get = (url: string) => api.get(url, admin).catch((e) => e.response)

    const detail = async (orderId: string) =>
      (await api.get(`/admin/bank-transfer/orders/${orderId}`, admin)).data

    /** The returns of one order (every state). */
    const returnsOf = async (orderId: string) =>
      (
        await get(
          "/admin/bank-transfer/returns?state=open&state=refund_recorded&state=closed&state=kept_for_customer&state=withdrawn&limit=200"
        )
      ).data.return_items.filter((r: any) => r.order_id === orderId)

    /** A Casso v2 transfer (it carries the payer's account and bank) paying `amount` with `memo`. */
    async function cassoTransfer(memo: string, amount: string, id?: number) {
      const payload = cassoPayload(memo, Number(amount), id)
      const res = await postCasso(api, payload)
      expect(res.status).toBe(200)
      return payload
    }

    async function overpaid(extra: string) {
      const { order, bt } = await newOrder()
      const payload = await cassoTransfer(bt.memo, plus(TOTAL, extra))
      await waitFor(
        async () => (await detail(order.id)).expectation.status === "paid",
        "the order paid"
      )
      const [item] = await waitFor(async () => {
        const items = await returnsOf(order.id)
        return items.length ? items : null
      }, "the surplus item")
      return { order, bt, payload, item }
    }

    async function medusaPayment(orderId: string) {
      const fields = [
        "id",
        "payment_collections.payments.id",
        "payment_collections.payments.refunds.*",
        "payment_collections.payments.captures.*",
      ].join(",")
      const order = (
        await api.get(`/admin/orders/${orderId}?fields=${fields}`, admin)
      ).data.order
      const payment = order.payment_collections[0].payments[0]
      return {
        payment,
        refunded: (payment.refunds ?? []).reduce(
          (s: string, r: any) => plus(s, money(r.amount)),
          "0"
        ),
      }
    }

    async function refundReason() {
      const res = await post("/admin/refund-reasons", {
        label: "Customer overpaid",
        code: `overpaid_${Date.now()}`,
      })
      expect(res.status).toBe(200)
      return res.data.refund_reason.id as string
    }

    it("an overpayment becomes one item (the money reported twice too), counted by the stats, with the transfer back and its VietQR", async () => {
      const { order, payload, item } = await overpaid("150000")
      // The same transfer reported again: the same movement, no second item.
      expect((await postCasso(api, payload)).status).toBe(200)
      await settle(getContainer())
      const items = await returnsOf(order.id)
      expect(items).toHaveLength(1)
      expect(item).toMatchObject({
        cause: "surplus",
        state: "open",
        amount: "150000",
        currency_code: "VND",
        order_number: String(order.display_id),
        payer_account: "19036543210012",
        payer_bank_bin: "970407",
        payer_name: "CONG TY TNHH HOA SEN",
      })
      expect(item.transfer).toMatchObject({
        account_number: "19036543210012",
        bank_bin: "970407",
        amount: "150000",
        memo: `HOAN TIEN DH${order.display_id}`,
      })
      expect(item.transfer.qr_payload).toContain("970407")
      expect(item.transfer.qr_payload).toContain("19036543210012")
      expect(item.transfer.qr_svg).toContain("<svg")
      const { stats } = (await get("/admin/bank-transfer/stats")).data
      expect(stats.returns_open).toBe(1)
      expect(stats.returns_open_amounts).toEqual([
        { currency_code: "VND", count: 1, amount: "150000" },
      ])
    })

    it("recording the refund of a surplus is the plugin's alone (Medusa captured only the order's total); the outgoing webhook line closes it once", async () => {
      const { order, item } = await overpaid("150000")
      const reason = await refundReason()
      const res = await post(`/admin/bank-transfer/returns/${item.id}/refund`, {
        refund_reason_id: reason,
        note: "overpaid by the shopper",
      })
      expect(res.status).toBe(200)
      expect(res.data).toMatchObject({
        recorded_in: "plugin",
        medusa_amount: "0",
        plugin_amount: "150000",
        return_item: {
          state: "refund_recorded",
          refund_reason_id: reason,
          decided_by: `admin:${adminUserId}`,
        },
      })
      expect(res.data.return_item.transfer.qr_payload).toBeTruthy()
      // Medusa keeps the order's total captured: nothing refunded there.
      expect((await medusaPayment(order.id)).refunded).toBe("0")
      // Decided: a second decision is a conflict.
      expect(
        (await post(`/admin/bank-transfer/returns/${item.id}/refund`, {}))
          .status
      ).toBe(409)
      expect(
        (
          await post(`/admin/bank-transfer/returns/${item.id}/keep`, {
            note: "x",
          })
        ).status
      ).toBe(409)
      // The accountant's transfer leaves the account: SePay reports it going out.
      const out = sepayPayload(`HOAN TIEN DH${order.display_id}`, 150000, {
        transferType: "out",
      })
      expect((await postSepay(api, out)).status).toBe(200)
      const [closed] = await waitFor(async () => {
        const items = await returnsOf(order.id)
        return items[0]?.state === "closed" ? items : null
      }, "the refund closed by its outgoing transfer")
      expect(closed.outgoing_transaction_id).toBeTruthy()
      expect(closed.transfer).toBeNull()
      const tx = (
        await get(
          `/admin/bank-transfer/transactions/${closed.outgoing_transaction_id}`
        )
      ).data.transaction
      expect(tx).toMatchObject({ direction: "out", status: "returned" })
      // Reported again: nothing changes.
      expect((await postSepay(api, out)).status).toBe(200)
      await settle(getContainer())
      const again = await returnsOf(order.id)
      expect(again).toHaveLength(1)
      expect(again[0]).toMatchObject({
        state: "closed",
        outgoing_transaction_id: closed.outgoing_transaction_id,
      })
      const audit = (await detail(order.id)).audit as any[]
      expect(audit.filter((a) => a.action === "return_closed")).toHaveLength(1)
      expect(
        audit.filter((a) => a.action === "return_refund_recorded")
      ).toMatchObject([{ actor_type: "admin", actor_id: adminUserId }])
      const { stats } = (await get("/admin/bank-transfer/stats")).data
      expect(stats.returns_open).toBe(0)
    })

    it("money Medusa captured for a cancelled order is refunded through Medusa's refund with its reason; the refund is not counted twice", async () => {
      const { order, bt } = await newOrder()
      await cassoTransfer(bt.memo, TOTAL)
      await waitFor(
        async () => (await detail(order.id)).expectation.status === "paid",
        "the order paid"
      )
      // Arranged in the module: the plugin's order closed while Medusa still holds the captured
      // money (Medusa's own cancel refunds it itself, see the next test).
      const service: any = getContainer().resolve("bankTransfer")
      const exp = (await detail(order.id)).expectation
      await service.transitionExpectation({
        expectation_id: exp.id,
        event: { type: "order_canceled" },
        actor: { type: "admin", id: adminUserId },
        action: "order_canceled_in_medusa",
      })
      const [item] = await returnsOf(order.id)
      expect(item).toMatchObject({
        cause: "cancelled_order",
        state: "open",
        amount: TOTAL,
        payer_account: "19036543210012",
      })
      const reason = await refundReason()
      const res = await post(`/admin/bank-transfer/returns/${item.id}/refund`, {
        amount: TOTAL,
        refund_reason_id: reason,
        note: "order cancelled",
      })
      expect(res.status).toBe(200)
      expect(res.data).toMatchObject({
        recorded_in: "medusa",
        medusa_amount: TOTAL,
        plugin_amount: "0",
      })
      const m = await medusaPayment(order.id)
      expect(m.refunded).toBe(TOTAL)
      expect(m.payment.refunds).toHaveLength(1)
      expect(m.payment.refunds[0]).toMatchObject({
        refund_reason_id: reason,
        note: "order cancelled",
      })
      expect(res.data.refund_id).toBe(m.payment.refunds[0].id)
      expect(res.data.return_item.refund_ids).toEqual([res.data.refund_id])
      // Medusa's payment.refunded event: the plugin's own refund makes no second item.
      await settle(getContainer())
      await new Promise((r) => setTimeout(r, 1000))
      expect(await returnsOf(order.id)).toHaveLength(1)
    })

    it("a refund Medusa makes (cancelling a paid order) is an item waiting for its outgoing transfer; an ambiguous line is matched by hand", async () => {
      const { order, bt } = await newOrder()
      await cassoTransfer(bt.memo, TOTAL)
      await waitFor(
        async () => (await detail(order.id)).expectation.status === "paid",
        "the order paid"
      )
      expect((await post(`/admin/orders/${order.id}/cancel`)).status).toBe(200)
      const [item] = await waitFor(async () => {
        const items = await returnsOf(order.id)
        return items.length ? items : null
      }, "the Medusa refund's item")
      await settle(getContainer())
      expect(await returnsOf(order.id)).toHaveLength(1)
      expect(item).toMatchObject({
        cause: "medusa_refund",
        state: "refund_recorded",
        amount: TOTAL,
        medusa_amount: TOTAL,
      })
      // Money goes out without naming the order, to another account: not matched automatically.
      const out = sepayPayload("chuyen tien", Number(TOTAL), {
        transferType: "out",
      })
      expect((await postSepay(api, out)).status).toBe(200)
      await settle(getContainer())
      const outTx = await waitFor(
        async () =>
          (
            await get(
              `/admin/bank-transfer/transactions?direction=out&q=chuyen`
            )
          ).data.transactions?.[0],
        "the outgoing line"
      )
      expect((await returnsOf(order.id))[0].state).toBe("refund_recorded")
      // The wrong line (incoming) is refused; the right one closes it.
      const incoming = (
        await get(`/admin/bank-transfer/transactions?direction=in`)
      ).data.transactions[0]
      expect(
        (
          await post(`/admin/bank-transfer/returns/${item.id}/match`, {
            transaction_id: incoming.id,
          })
        ).status
      ).toBe(400)
      const res = await post(`/admin/bank-transfer/returns/${item.id}/match`, {
        transaction_id: outTx.id,
      })
      expect(res.status).toBe(200)
      expect(res.data.return_item).toMatchObject({
        state: "closed",
        outgoing_transaction_id: outTx.id,
      })
      expect(
        (
          await post(`/admin/bank-transfer/returns/${item.id}/match`, {
            transaction_id: outTx.id,
          })
        ).status
      ).toBe(409)
    })

    it("keeping the money for the customer is audited with the admin; a transfer marked for return is an item too", async () => {
      const { order, item } = await overpaid("50000")
      expect(
        (await post(`/admin/bank-transfer/returns/${item.id}/keep`, {})).status
      ).toBe(400)
      const res = await post(`/admin/bank-transfer/returns/${item.id}/keep`, {
        note: "credit for the next order",
      })
      expect(res.status).toBe(200)
      expect(res.data.return_item).toMatchObject({
        state: "kept_for_customer",
        note: "credit for the next order",
        decided_by: `admin:${adminUserId}`,
        transfer: null,
      })
      const audit = (await detail(order.id)).audit as any[]
      expect(
        audit.filter((a) => a.action === "return_kept_for_customer")
      ).toMatchObject([
        {
          actor_type: "admin",
          actor_id: adminUserId,
          message: "credit for the next order",
        },
      ])
      expect(
        (
          await post(`/admin/bank-transfer/returns/${item.id}/keep`, {
            note: "again",
          })
        ).status
      ).toBe(409)

      // Money for nobody, marked for return: one item of the whole transfer.
      await cassoTransfer("chuyen khoan nham", "70000")
      const tx = await waitFor(
        async () =>
          (
            await get(
              `/admin/bank-transfer/transactions?status=unmatched&q=nham`
            )
          ).data.transactions?.[0],
        "the unmatched line"
      )
      expect(
        (
          await post(`/admin/bank-transfer/transactions/${tx.id}/ignore`, {
            return: true,
          })
        ).status
      ).toBe(200)
      const open = (await get("/admin/bank-transfer/returns")).data
      const marked = open.return_items.filter(
        (r: any) => r.transaction_id === tx.id
      )
      expect(marked).toMatchObject([
        {
          cause: "marked_for_return",
          amount: "70000",
          order_id: null,
          payer_account: "19036543210012",
        },
      ])
      expect(marked[0].transfer.memo).toMatch(/^HOAN TIEN [A-Z0-9]{8}$/)
    })

    it("bad input is a 4xx and changes nothing", async () => {
      const { item } = await overpaid("20000")
      const bad = [
        await get("/admin/bank-transfer/returns?state=lost"),
        await get("/admin/bank-transfer/returns?limit=0"),
        await post(`/admin/bank-transfer/returns/${item.id}/refund`, {
          amount: "-5",
        }),
        await post(`/admin/bank-transfer/returns/${item.id}/refund`, {
          amount: "10000",
        }),
        await post(`/admin/bank-transfer/returns/${item.id}/refund`, {
          surprise: true,
        }),
        await post(`/admin/bank-transfer/returns/${item.id}/match`, {}),
      ]
      expect(bad.map((r) => r.status)).toEqual([400, 400, 400, 400, 400, 400])
      const missing = [
        await post(`/admin/bank-transfer/returns/${item.id}/refund`, {
          refund_reason_id: "refr_nope",
        }),
        await post(`/admin/bank-transfer/returns/btret_nope/refund`, {}),
        await post(`/admin/bank-transfer/returns/btret_nope/keep`, {
          note: "x",
        }),
      ]
      expect(missing.map((r) => r.status)).toEqual([404, 404, 404])
      expect(
        (
          await post(`/admin/bank-transfer/returns/${item.id}/match`, {
            transaction_id: item.transaction_id,
          })
        ).status
      ).toBe(409)
      const after = (await get("/admin/bank-transfer/returns")).data
      expect(
        after.return_items.find((r: any) => r.id === item.id)
      ).toMatchObject({ state: "open", refund_reason_id: null })
      expect(
        (await api.get("/admin/bank-transfer/returns").catch((e) => e.response))
          .status
      ).toBe(401)
    })
  },
})
