import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import {
  adminHeaders,
  customerHeaders,
  placeOrder,
  seedShop,
  SeededShop,
  uploadStatement,
} from "../helpers/shop"
import { settle } from "../helpers/settle"
import { postSepay, sepayPayload, waitFor } from "../helpers/webhooks"

/**
 * Issue 17, the accountant's desk: GET /admin/bank-transfer/stats gives every work queue's size
 * and the money open orders still await by age in business days, in one request; GET
 * /admin/bank-transfer/waiting-orders lists shoppers who say they paid (and any open orders, by
 * age bucket). Orders are placed through the real checkout and moved through the real routes
 * (transfers, the shopper's confirmation, the admin's request); their age is set by moving
 * placed_at back on the shop's own business-day calendar.
 */

jest.setTimeout(240 * 1000)

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 1),
])
/** The wrong check letter: the order number alone is a likely, not a certain, match. */
const wrongReference = (reference: string) =>
  reference.slice(0, -1) + (reference.endsWith("A") ? "B" : "A")

type Headers = { headers: Record<string, string> }

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let shop: SeededShop
    let admin: Headers
    beforeAll(async () => {
      shop = await seedShop(getContainer())
      admin = await adminHeaders(api, getContainer())
    })
    afterEach(async () => {
      await settle(getContainer())
    })

    const service = () => getContainer().resolve("bankTransfer") as any
    let buyers = 0
    async function newOrder(quantity = 1) {
      const buyer = await customerHeaders(
        api,
        shop,
        `desk${++buyers}@example.com`,
        { first_name: "Trần", last_name: `Thị ${buyers}` }
      )
      const { order } = await placeOrder(api, shop, buyer, { quantity })
      const { data } = await api.get(
        `/store/bank-transfer/orders/${order.id}`,
        buyer
      )
      const [expectation] = await service().listExpectations({
        order_id: order.id,
      })
      return { order, buyer, bt: data.bank_transfer, expectation }
    }
    const statusOf = async (orderId: string) =>
      (await api.get(`/admin/bank-transfer/orders/${orderId}`, admin)).data
        .expectation.status
    const waitForStatus = (orderId: string, status: string) =>
      waitFor(
        async () => ((await statusOf(orderId)) === status ? true : null),
        `order ${orderId} ${status}`
      )
    async function transfer(memo: string, amount: number) {
      const res = await postSepay(api, sepayPayload(memo, amount))
      expect(res.status).toBe(200)
    }
    async function confirm(orderId: string, buyer: Headers, file?: Buffer) {
      const form = new FormData()
      form.append("message", "Em đã chuyển khoản rồi ạ")
      if (file) {
        form.append("file", new Blob([file]), "bien-lai.png")
      }
      const res = await api
        .post(`/store/bank-transfer/orders/${orderId}/confirm`, form, buyer)
        .catch((e) => e.response)
      expect(res.status).toBe(201)
    }
    const stats = async () =>
      (await api.get("/admin/bank-transfer/stats", admin)).data.stats
    const waiting = (query = "") =>
      api
        .get(`/admin/bank-transfer/waiting-orders${query}`, admin)
        .catch((e) => e.response)

    it("counts every queue and sums the money awaited per age bucket, exactly", async () => {
      const now = new Date()
      // Every figure starts at zero.
      const empty = await stats()
      expect(empty).toMatchObject({
        suggestions_pending: 0,
        unmatched: 0,
        orders_on_hold: 0,
        customer_confirmed: 0,
        attention_transactions: 0,
        attention_orders: 0,
        possible_duplicates: 0,
        awaited: [],
      })

      const a = await newOrder() // waiting, today
      const b = await newOrder(2) // waiting, 1 business day, 4,830,000
      const c = await newOrder() // partially paid
      const d = await newOrder() // shopper confirmed with a proof
      const e = await newOrder() // shopper confirmed, no proof, confirmed after d
      const f = await newOrder() // confirmation requested by the admin
      const g = await newOrder() // on hold
      const h = await newOrder() // waiting, old, with a pending suggestion
      const p = await newOrder() // paid: awaits nothing
      const n = await newOrder() // capture refused: needs attention, not open

      await transfer(c.bt.memo, 430000)
      await waitForStatus(c.order.id, "partially_paid")
      await transfer(p.bt.memo, 2430000)
      await waitForStatus(p.order.id, "paid")
      await confirm(d.order.id, d.buyer, PNG)
      await confirm(e.order.id, e.buyer)
      const asked = await api.post(
        `/admin/bank-transfer/orders/${f.order.id}/request-confirmation`,
        { message: "Anh/chị vui lòng xác nhận đã chuyển khoản" },
        admin
      )
      expect(asked.status).toBe(200)
      await service().transitionExpectation({
        expectation_id: g.expectation.id,
        event: { type: "escalation_step", step: "tentative_cancel" },
        actor: { type: "system" },
        action: "escalation:tentative_cancel",
        steps: { tentative_cancel: new Date().toISOString() },
      })
      await service().transitionExpectation({
        expectation_id: n.expectation.id,
        event: { type: "capture_failed" },
        actor: { type: "system" },
        action: "capture_failed",
        attention_reason: "Payment provider unavailable",
      })
      // A likely match for h (the reference with a wrong check letter): a suggestion, no money applied.
      await transfer(wrongReference(h.bt.reference), 2430000)
      // Money for no order.
      await transfer("chuyen tien mua hang", 888000)
      await settle(getContainer())
      // The same day and amount from a statement, memo unrelated: held as a possible duplicate.
      const csv = [
        "Ngày giao dịch;Số tiền ghi có;Nội dung",
        `${new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Ho_Chi_Minh", day: "2-digit", month: "2-digit", year: "numeric" }).format(new Date())} 15:00;888.000;IBFT NGUYEN VAN B`,
      ].join("\n")
      const preview = await uploadStatement(api, admin, csv, "desk.csv")
      expect(preview.status).toBe(201)
      expect(preview.data.import.lines.map((l: any) => l.state)).toEqual([
        "possible_duplicate",
      ])
      await api.post(
        `/admin/bank-transfer/imports/${preview.data.import.id}/commit`,
        {},
        admin
      )
      // A movement whose matching failed five times: parked for a person.
      const sim = await api.post(
        "/admin/bank-transfer/simulate",
        { memo: "tien vao", amount: "345000", currency: "VND" },
        admin
      )
      await settle(getContainer())
      await service().updateBankTransactions({
        id: sim.data.transaction.id,
        reconciled_at: null,
      })
      for (let i = 1; i <= 5; i++) {
        await service().recordMatchingFailure({
          transaction_id: sim.data.transaction.id,
          error: `boom ${i}`,
          max_attempts: 5,
        })
      }

      // Ages on the shop's calendar for VND: placed just before the day that makes them k
      // business days old (the day of placing never counts).
      const calendar = await service().loadCalendar("VND")
      const aged = (k: number) =>
        k === 0
          ? now
          : new Date(calendar.dueCutoff(now, k).getTime() - 3_600_000)
      const ages: [any, number][] = [
        [a, 0],
        [b, 1],
        [c, 2],
        [d, 3],
        [e, 4],
        [f, 5],
        [g, 6],
        [h, 12],
        [p, 10],
        [n, 8],
      ]
      for (const [o, k] of ages) {
        await service().updateExpectations({
          id: o.expectation.id,
          placed_at: aged(k),
        })
        expect(calendar.businessDaysBetween(aged(k), now)).toBe(k)
      }
      const statuses = await Promise.all(
        [a, b, c, d, e, f, g, h, p, n].map((o) => statusOf(o.order.id))
      )
      expect(statuses).toEqual([
        "awaiting_transfer",
        "awaiting_transfer",
        "partially_paid",
        "customer_confirmed",
        "customer_confirmed",
        "awaiting_customer_confirmation",
        "tentatively_canceled",
        "awaiting_transfer",
        "paid",
        "needs_attention",
      ])

      const s = await stats()
      expect(s).toMatchObject({
        suggestions_pending: 1,
        // The money for no order and the parked movement (still unmatched).
        unmatched: 2,
        orders_on_hold: 1,
        customer_confirmed: 2,
        attention_transactions: 1,
        attention_orders: 1,
        possible_duplicates: 1,
      })
      expect(s.awaited).toHaveLength(1)
      const vnd = s.awaited[0]
      expect({
        currency_code: vnd.currency_code,
        count: vnd.count,
        remaining: vnd.remaining,
        buckets: vnd.buckets.map((x: any) => [
          x.key,
          x.min_days,
          x.max_days,
          x.count,
          x.remaining,
        ]),
      }).toEqual({
        currency_code: "VND",
        count: 8,
        remaining: "21410000",
        buckets: [
          ["0_1", 0, 1, 2, "7260000"], // 2,430,000 + 4,830,000
          ["2_3", 2, 3, 2, "4430000"], // 2,000,000 left + 2,430,000
          ["4_5", 4, 5, 2, "4860000"],
          ["over_5", 6, null, 2, "4860000"],
        ],
      })

      // Each count is its list's count.
      const list = async (path: string) =>
        (await api.get(`/admin/bank-transfer/${path}`, admin)).data
      expect((await list("suggestions?status=pending&limit=1")).count).toBe(
        s.suggestions_pending
      )
      expect(
        (await list("transactions?status=unmatched&direction=in&limit=1")).count
      ).toBe(s.unmatched)
      expect(
        (await list("transactions?needs_attention=true&limit=1")).count
      ).toBe(s.attention_transactions)
      expect((await list("duplicates")).possible_duplicates).toHaveLength(
        s.possible_duplicates
      )
      expect((await list("waiting-orders?status=needs_attention")).count).toBe(
        s.attention_orders
      )
      expect((await list("waiting-orders")).count).toBe(s.customer_confirmed)
      expect(
        (await list("waiting-orders?status=tentatively_canceled")).count
      ).toBe(s.orders_on_hold)

      // Shoppers who say they paid: longest wait since their confirmation first (d confirmed
      // before e, though e was placed earlier), with the proof files counted.
      const confirmed = await waiting()
      expect(confirmed.status).toBe(200)
      expect(
        confirmed.data.orders.map((o: any) => [
          o.order_id,
          o.order_number,
          o.status,
          o.amount_due,
          o.amount_remaining,
          o.confirmations,
          o.proof_files,
        ])
      ).toEqual([
        [
          d.order.id,
          String(d.order.display_id),
          "customer_confirmed",
          "2430000",
          "2430000",
          1,
          1,
        ],
        [
          e.order.id,
          String(e.order.display_id),
          "customer_confirmed",
          "2430000",
          "2430000",
          1,
          0,
        ],
      ])
      expect(confirmed.data.orders[0].customer).toMatchObject({
        name: `Trần Thị ${buyers - 6}`,
        email: d.expectation.email,
      })
      expect(
        new Date(confirmed.data.orders[0].confirmed_at).getTime()
      ).toBeLessThanOrEqual(
        new Date(confirmed.data.orders[1].confirmed_at).getTime()
      )
      expect(confirmed.data).toMatchObject({ count: 2, limit: 20, offset: 0 })
      const page2 = await waiting("?limit=1&offset=1")
      expect(page2.data.orders.map((o: any) => o.order_id)).toEqual([
        e.order.id,
      ])
      expect(page2.data).toMatchObject({ count: 2, limit: 1, offset: 1 })

      // A bucket opens its list: the oldest open orders, oldest placed first.
      const old = vnd.buckets.find((x: any) => x.key === "over_5")
      expect(old.placed_from).toBeNull()
      const oldest = await waiting(
        `?status=open&currency_code=vnd&placed_before=${encodeURIComponent(old.placed_before)}`
      )
      expect(oldest.data.orders.map((o: any) => o.order_id)).toEqual([
        h.order.id,
        g.order.id,
      ])
      const middle = vnd.buckets.find((x: any) => x.key === "2_3")
      const mid = await waiting(
        `?status=open&placed_from=${encodeURIComponent(middle.placed_from)}&placed_before=${encodeURIComponent(middle.placed_before)}`
      )
      expect(
        mid.data.orders.map((o: any) => [o.order_id, o.amount_remaining])
      ).toEqual([
        [d.order.id, "2430000"],
        [c.order.id, "2000000"],
      ])
      const attention = await waiting("?status=needs_attention")
      expect(attention.data.orders).toMatchObject([
        {
          order_id: n.order.id,
          attention_reason: "Payment provider unavailable",
        },
      ])
    })

    it("the waiting orders list refuses bad input with a clear 400 and needs an admin", async () => {
      for (const query of [
        "?status=paid",
        "?status=",
        "?limit=0",
        "?limit=201",
        "?limit=abc",
        "?offset=-1",
        "?placed_from=yesterday",
        "?placed_before=2026-02-30T00:00:00Z",
        "?placed_from=20000-01-01T00:00:00Z",
        "?currency_code=VNDX",
        "?sort=amount",
      ]) {
        const res = await waiting(query)
        expect([query, res.status]).toEqual([query, 400])
        expect(typeof res.data.message).toBe("string")
      }
      const anonymous = await api
        .get("/admin/bank-transfer/waiting-orders")
        .catch((e) => e.response)
      expect(anonymous.status).toBe(401)
      const ok = await waiting("?status=open")
      expect(ok.data).toEqual({ orders: [], count: 0, limit: 20, offset: 0 })
    })
  },
})
