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
import { vietnamDay, waitFor } from "../helpers/webhooks"

jest.setTimeout(600 * 1000)

const TOTAL = 2400000 + 30000 // the digital product plus shipping
const TWO = 2 * 2400000 + 30000

type Placed = { id: string; display_id: number; email: string }

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let shop: SeededShop
    let admin: { headers: Record<string, string> }
    // Four open orders of exactly TOTAL, each its own buyer, and one of TWO.
    const orders: Record<"a" | "b" | "c" | "d" | "e", Placed> = {} as any

    async function order(
      key: keyof typeof orders,
      billing: Record<string, unknown>,
      quantity = 1
    ) {
      const email = `cand-${key}@example.com`
      const buyer = await customerHeaders(api, shop, email)
      const { order } = await placeOrder(api, shop, buyer, {
        billing,
        quantity,
      })
      orders[key] = { id: order.id, display_id: order.display_id, email }
    }

    beforeAll(async () => {
      shop = await seedShop(getContainer())
      admin = await adminHeaders(api, getContainer())
      await order("a", {
        first_name: "Trần Thị",
        last_name: "Bích",
        phone: "0987000001",
      })
      await order("b", {
        first_name: "Lê Văn",
        last_name: "Cường",
        phone: "0987000002",
      })
      await order("c", {
        first_name: "Phạm Minh",
        last_name: "Đức",
        phone: "0987000003",
        metadata: { tax_code: "0312345678" },
      })
      await order("d", {
        first_name: "Hoàng Thu",
        last_name: "Hà",
        phone: "0987000004",
      })
      await order(
        "e",
        { first_name: "Võ Văn", last_name: "Em", phone: "0987000005" },
        2
      )
    })

    afterEach(async () => {
      await settle(getContainer())
    })

    /** A fake incoming transfer, once the matcher is done with it. */
    async function transfer(
      memo: string,
      amount: number,
      extra: Record<string, unknown> = {}
    ) {
      const { data: sim } = await api.post(
        "/admin/bank-transfer/simulate",
        { memo, amount, ...extra },
        admin
      )
      if (extra.direction === "out") {
        return sim.transaction.id as string
      }
      await waitFor(async () => {
        const t = (
          await api.get(
            `/admin/bank-transfer/transactions/${sim.transaction.id}`,
            admin
          )
        ).data.transaction
        return t.reconciled_at || t.status === "suggested" ? t : null
      }, "reconciliation")
      return sim.transaction.id as string
    }
    const candidates = (id: string, query = "") =>
      api
        .get(
          `/admin/bank-transfer/transactions/${id}/candidates${query}`,
          admin
        )
        .catch((e) => e.response)
    const codes = (c: any) => c.reasons.map((r: any) => r.code)

    it("several open orders of exactly the amount: the one whose buyer's name is the payer's ranks first, with its reasons", async () => {
      const id = await transfer("chuyen tien", TOTAL, {
        counterparty_name: "TRAN THI BICH",
      })
      const res = await candidates(id)
      expect(res.status).toBe(200)
      const { transaction, candidates: list, count, capped } = res.data
      expect(transaction).toEqual({
        id,
        currency_code: "VND",
        amount: String(TOTAL),
        amount_allocated: "0",
        available: String(TOTAL),
      })
      // The order of TWO is too far from the amount to be a candidate without a search.
      expect(count).toBe(4)
      expect(capped).toBe(false)
      expect(list).toHaveLength(4)
      const [first, ...rest] = list
      expect(first).toMatchObject({
        order_id: orders.a.id,
        display_id: orders.a.display_id,
        status: "awaiting_transfer",
        customer: {
          name: "Trần Thị Bích",
          email: orders.a.email,
          phone: "0987000001",
        },
        currency_code: "VND",
        amount_due: String(TOTAL),
        amount_remaining: String(TOTAL),
        score: 70,
      })
      expect(codes(first)).toEqual([
        "payer_name_matches",
        "amount_equal",
        "placed_recently",
      ])
      expect(first.reasons[0].params).toEqual({
        name: "TRAN THI BICH",
        similarity: "100",
      })
      expect(first.reasons[1].params).toEqual({
        currency: "VND",
        remaining: String(TOTAL),
      })
      expect(first.reasons[2].params).toEqual({ days: "0" })
      expect(new Date(first.placed_at).getTime()).toBeGreaterThan(
        Date.now() - 3600_000
      )
      expect(rest.map((c: any) => c.order_id).sort()).toEqual(
        [orders.b.id, orders.c.id, orders.d.id].sort()
      )
      for (const c of rest) {
        expect(c.score).toBe(30)
        expect(codes(c)).toEqual(["amount_equal", "placed_recently"])
      }
    })

    it("a tax code or a phone in the memo puts its order first, and picking it matches it through the match route", async () => {
      const byTax = await transfer("thanh toan MST 0312345678", TOTAL)
      const taxList = (await candidates(byTax)).data.candidates
      expect(taxList[0]).toMatchObject({ order_id: orders.c.id, score: 100 })
      expect(codes(taxList[0])).toEqual([
        "tax_code_matches",
        "amount_equal",
        "placed_recently",
      ])
      expect(taxList[0].reasons[0].params).toEqual({ tax_code: "0312345678" })
      expect(taxList.slice(1).every((c: any) => c.score === 30)).toBe(true)

      const byPhone = await transfer("ck 0987 000 002 tien hang", TOTAL - 20000)
      const phoneList = (await candidates(byPhone)).data.candidates
      expect(phoneList[0].order_id).toBe(orders.b.id)
      expect(codes(phoneList[0])).toEqual([
        "phone_matches",
        "amount_within_tolerance",
        "placed_recently",
      ])
      // 75 for the phone, 25 − 3 − ⌊12·20,000/50,000⌋ = 18 for the amount, 5 for the day.
      expect(phoneList[0].score).toBe(98)
      expect(phoneList[0].reasons[1].params).toMatchObject({
        difference: "20000",
        amount: String(TOTAL - 20000),
        remaining: String(TOTAL),
        tolerance: "50000",
      })

      // The accountant picks the top candidate: the existing match route applies it.
      const pick = phoneList[0]
      const matched = await api.post(
        `/admin/bank-transfer/transactions/${byPhone}/match`,
        {
          allocations: [
            { order_id: pick.order_id, amount: String(TOTAL - 20000) },
          ],
        },
        admin
      )
      expect(matched.status).toBe(200)
      expect(matched.data.transaction.status).toBe("matched")
      const { data: b } = await api.get(
        `/admin/bank-transfer/orders/${orders.b.id}`,
        admin
      )
      expect(b.expectation).toMatchObject({
        status: "partially_paid",
        amount_received: TOTAL - 20000,
        amount_remaining: 20000,
      })
      // Fully applied: no candidates any more (409, saying why), and nothing changed.
      const again = await candidates(byPhone)
      expect(again.status).toBe(409)
      expect(again.data.message).toMatch(/fully applied/)
      // Order B now awaits 20,000: for a transfer of TOTAL it is no longer a candidate.
      const later = await transfer("chuyen tien", TOTAL)
      const ids = (await candidates(later)).data.candidates.map(
        (c: any) => c.order_id
      )
      expect(ids.sort()).toEqual([orders.a.id, orders.c.id, orders.d.id].sort())
    })

    it("q searches the buyer's name (with or without diacritics), email, phone and order number", async () => {
      const id = await transfer("chuyen tien", TOTAL)
      const found = async (q: string) => {
        const res = await candidates(id, `?q=${encodeURIComponent(q)}`)
        expect(res.status).toBe(200)
        return res.data.candidates.map((c: any) => c.order_id)
      }
      // The order of TWO is found by a search although its amount differs.
      expect(await found("vo van em")).toEqual([orders.e.id])
      expect(await found("Võ Văn Em")).toEqual([orders.e.id])
      const [e] = (await candidates(id, "?q=em")).data.candidates.filter(
        (c: any) => c.order_id === orders.e.id
      )
      expect(codes(e)).toEqual(["amount_less", "placed_recently"])
      expect(e.reasons[0].params).toMatchObject({
        difference: String(TWO - TOTAL),
      })
      expect(await found(orders.b.email)).toEqual([orders.b.id])
      expect(await found("CAND-B@EXAMPLE")).toEqual([orders.b.id])
      expect(await found(`#${orders.d.display_id}`)).toEqual([orders.d.id])
      expect(await found("0987 000 004")).toEqual([orders.d.id])
      expect(await found("7000003")).toEqual([orders.c.id])
      expect(await found("nobody at all")).toEqual([])
      // LIKE's own characters are taken literally.
      expect(await found("%")).toEqual([])
    })

    it("pages through the ranked list: limit and offset, count of all", async () => {
      const id = await transfer("chuyen tien", TOTAL, {
        counterparty_name: "HOANG THU HA",
      })
      const all = (await candidates(id)).data.candidates.map(
        (c: any) => c.order_id
      )
      expect(all[0]).toBe(orders.d.id)
      const p1 = (await candidates(id, "?limit=2&offset=0")).data
      const p2 = (await candidates(id, "?limit=2&offset=2")).data
      const p3 = (await candidates(id, "?limit=2&offset=4")).data
      expect([p1.count, p2.count, p3.count]).toEqual([4, 4, 4])
      expect([p1.limit, p1.offset, p2.offset]).toEqual([2, 0, 2])
      expect(
        [...p1.candidates, ...p2.candidates].map((c: any) => c.order_id)
      ).toEqual(all)
      expect(p3.candidates).toEqual([])
    })

    it("refuses bad queries (400), outgoing money (400), unknown transactions (404) and anonymous callers (401)", async () => {
      const id = await transfer("chuyen tien", TOTAL)
      for (const q of [
        "?limit=0",
        "?limit=51",
        "?offset=-1",
        "?limit=abc",
        `?q=${"x".repeat(101)}`,
        "?colour=red",
      ]) {
        const res = await candidates(id, q)
        expect([q, res.status]).toEqual([q, 400])
      }
      const out = await transfer("phi chuyen tien", 11000, { direction: "out" })
      const outRes = await candidates(out)
      expect(outRes.status).toBe(400)
      expect(outRes.data.message).toMatch(/Outgoing/)
      const missing = await candidates("bttx_does_not_exist")
      expect(missing.status).toBe(404)
      const anon = await api
        .get(`/admin/bank-transfer/transactions/${id}/candidates`)
        .catch((e) => e.response)
      expect(anon.status).toBe(401)
    })

    it("the statement preview names the order each line would pay and flags an overpayment with its surplus", async () => {
      const ref = async (orderId: string) =>
        (await api.get(`/admin/bank-transfer/orders/${orderId}`, admin)).data
          .expectation.reference
      const refA = await ref(orders.a.id)
      const refD = await ref(orders.d.id)
      const day = vietnamDay()
      const csv = [
        "Ngày giao dịch;Số tham chiếu;Số tiền ghi nợ;Số tiền ghi có;Mô tả",
        `${day} 09:15;OV-1;;2.630.000;"thanh toan ${refA}"`,
        `${day} 09:30;OV-2;;2.430.000;"thanh toan ${refD}"`,
        `${day} 10:00;OV-3;;2.430.000;"MST 0312345678"`,
        `${day} 11:00;OV-4;;777.000;"chuyen tien nha"`,
      ].join("\n")
      const res = await uploadStatement(api, admin, csv, "sao-ke.csv")
      expect(res.status).toBe(201)
      const imp = res.data.import
      expect(imp.counts).toMatchObject({
        would_apply: 2,
        would_suggest: 1,
        would_overpay: 1,
      })
      const [l1, l2, l3, l4] = imp.lines
      expect(l1).toMatchObject({
        outcome: "apply",
        orders: [
          {
            order_id: orders.a.id,
            display_id: orders.a.display_id,
            amount: String(TOTAL),
          },
        ],
        overpayment: {
          order_id: orders.a.id,
          display_id: orders.a.display_id,
          surplus: "200000",
        },
      })
      expect(l2).toMatchObject({
        outcome: "apply",
        orders: [
          {
            order_id: orders.d.id,
            display_id: orders.d.display_id,
            amount: String(TOTAL),
          },
        ],
        overpayment: null,
      })
      expect(l3).toMatchObject({
        outcome: "suggest",
        orders: [],
        suggested_orders: [
          { order_id: orders.c.id, display_id: orders.c.display_id },
        ],
        overpayment: null,
      })
      expect(l4).toMatchObject({
        outcome: "unmatched",
        orders: [],
        suggested_orders: [],
        overpayment: null,
      })
      // A preview: nothing was applied.
      const { data: a } = await api.get(
        `/admin/bank-transfer/orders/${orders.a.id}`,
        admin
      )
      expect(a.expectation.status).toBe("awaiting_transfer")
    })
  },
})
