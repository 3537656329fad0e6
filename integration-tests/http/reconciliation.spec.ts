import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
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
  postGeneric,
  postSepay,
  postSepayHmac,
  sepayPayload,
  waitFor,
} from "../helpers/webhooks"

jest.setTimeout(180 * 1000)

const TOTAL = 2400000 + 30000 // the digital product plus shipping

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

    let buyerCount = 0
    async function newOrder(
      opts: Parameters<typeof placeOrder>[3] = {},
      customer: Record<string, unknown> = {}
    ) {
      const buyer = await customerHeaders(
        api,
        shop,
        `buyer${++buyerCount}@example.com`,
        customer
      )
      const { order } = await placeOrder(api, shop, buyer, opts)
      const { data } = await api.get(
        `/store/bank-transfer/orders/${order.id}`,
        buyer
      )
      return { order, buyer, bt: data.bank_transfer }
    }
    const expectationOf = async (orderId: string) =>
      (await api.get(`/admin/bank-transfer/orders/${orderId}`, admin)).data
    const transactions = async (query = "") =>
      (
        await api.get(
          `/admin/bank-transfer/transactions?limit=200${query}`,
          admin
        )
      ).data
    const waitForStatus = (orderId: string, status: string) =>
      waitFor(async () => {
        const d = await expectationOf(orderId)
        return d.expectation?.status === status ? d : null
      }, `expectation ${status}`)
    /** A fake incoming transfer, once the matcher is done with it. */
    async function simulatedTransfer(memo: string, amount: number) {
      const { data: sim } = await api.post(
        "/admin/bank-transfer/simulate",
        { memo, amount },
        admin
      )
      await waitFor(async () => {
        const t = (
          await api.get(
            `/admin/bank-transfer/transactions/${sim.transaction.id}`,
            admin
          )
        ).data.transaction
        return t.reconciled_at ? t : null
      }, "reconciliation")
      return sim.transaction.id as string
    }
    const medusaOrder = async (orderId: string) =>
      (
        await api.get(
          `/admin/orders/${orderId}?fields=payment_status,*payment_collections.payments`,
          admin
        )
      ).data.order

    it("SePay (signed, as the dev shop configures an HMAC secret): a memo with the reference pays the order and Medusa captures its payment", async () => {
      const { order, bt } = await newOrder()
      const res = await postSepay(
        api,
        sepayPayload(
          `MBVCB.3278907687.${bt.reference}.CT tu 0011004123456 toi 0071000123456`,
          TOTAL
        )
      )
      expect(res.status).toBe(200)
      expect(res.data).toEqual({ success: true })

      const paid = await waitForStatus(order.id, "paid")
      expect(paid.expectation.amount_received).toBe(TOTAL)
      expect(paid.expectation.amount_remaining).toBe(0)
      expect(paid.allocations).toHaveLength(1)
      expect(paid.audit.map((a: any) => a.action)).toEqual([
        "expectation_created",
        "allocated",
      ])
      const o = await waitFor(async () => {
        const m = await medusaOrder(order.id)
        return m.payment_status === "captured" ? m : null
      }, "captured payment")
      expect(o.payment_status).toBe("captured")
    })

    it("stores and applies a transaction once when delivered twice and concurrently", async () => {
      const { order, bt } = await newOrder()
      const payload = sepayPayload(bt.memo, TOTAL)
      const responses = await Promise.all(
        Array.from({ length: 20 }, () => postSepay(api, payload))
      )
      expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200))
      await waitForStatus(order.id, "paid")
      expect((await postSepay(api, payload)).status).toBe(200)
      await new Promise((r) => setTimeout(r, 500))
      const { transactions: list } = await transactions(`&q=${bt.reference}`)
      expect(list).toHaveLength(1)
      const detail = await expectationOf(order.id)
      expect(detail.allocations).toHaveLength(1)
      expect(detail.expectation.amount_received).toBe(TOTAL)
    })

    it("refuses bad signatures (401) and malformed bodies (400) and stores nothing", async () => {
      const before = (await transactions()).count
      expect(
        (
          await postSepay(
            api,
            sepayPayload("DH1X", 1000),
            "Apikey wrong-key-wrong-key"
          )
        ).status
      ).toBe(401)
      expect(
        (await postSepay(api, sepayPayload("DH1X", 1000), "")).status
      ).toBe(401)
      expect(
        (
          await postSepayHmac(
            api,
            sepayPayload("DH1X", 1000),
            Math.floor(Date.now() / 1000) - 600
          )
        ).status
      ).toBe(401)
      expect(
        (
          await postCasso(
            api,
            cassoPayload("DH1X", 1000),
            "wrong-secret-wrong-secret"
          )
        ).status
      ).toBe(401)
      expect(
        (
          await postCasso(
            api,
            cassoPayload("DH1X", 1000),
            undefined,
            Date.now() - 10 * 60 * 1000
          )
        ).status
      ).toBe(401)
      expect(
        (await postGeneric(api, { transactions: [] }, "not-the-secret-at-all"))
          .status
      ).toBe(401)
      const malformed = await postSepay(api, {
        ...sepayPayload("x", 1),
        transferAmount: "lots",
      })
      expect(malformed.status).toBe(400)
      expect(malformed.data.message).toContain("transferAmount")
      expect(
        (
          await postSepay(api, {
            ...sepayPayload("x", 1),
            transactionDate: "2026-02-30 10:00:00",
          })
        ).status
      ).toBe(400)
      expect(
        (await postGeneric(api, { transactions: [{ id: "1", amount: "-5" }] }))
          .status
      ).toBe(400)
      expect((await transactions()).count).toBe(before)
    })

    it("stores outgoing money without matching it", async () => {
      const { order, bt } = await newOrder()
      expect(
        (
          await postSepay(
            api,
            sepayPayload(bt.memo, TOTAL, { transferType: "out" })
          )
        ).status
      ).toBe(200)
      const { transactions: list } = await transactions(`&direction=out`)
      expect(list).toEqual([
        expect.objectContaining({
          direction: "out",
          status: "ignored",
          memo: bt.memo,
        }),
      ])
      await new Promise((r) => setTimeout(r, 500))
      expect((await expectationOf(order.id)).expectation.status).toBe(
        "awaiting_transfer"
      )
    })

    it("SePay HMAC, Casso v2 and the generic format are accepted when signed", async () => {
      const a = await newOrder()
      const b = await newOrder()
      const c = await newOrder()
      expect(
        (await postSepayHmac(api, sepayPayload(a.bt.memo, TOTAL))).status
      ).toBe(200)
      const casso = await postCasso(
        api,
        cassoPayload(`${b.bt.reference} thanh toan`, TOTAL)
      )
      expect(casso.status).toBe(200)
      const generic = await postGeneric(api, {
        transactions: [
          {
            id: "BANK-1",
            account: "0071000123456",
            booked_at: new Date().toISOString(),
            amount: String(TOTAL),
            currency: "VND",
            direction: "in",
            memo: c.bt.memo,
          },
        ],
      })
      expect(generic.status).toBe(200)
      expect(generic.data).toMatchObject({
        success: true,
        created: 1,
        duplicates: 0,
      })
      await Promise.all([
        waitForStatus(a.order.id, "paid"),
        waitForStatus(b.order.id, "paid"),
        waitForStatus(c.order.id, "paid"),
      ])
    })

    it("a near-miss memo becomes a suggestion; confirming it pays and captures the order", async () => {
      const { order, bt } = await newOrder()
      // Wrong check letter: the order number is there, the reference is not certain.
      const wrong =
        bt.reference.slice(0, -1) + (bt.reference.endsWith("A") ? "B" : "A")
      await postSepay(api, sepayPayload(`thanh toan ${wrong}`, TOTAL - 20000))
      const withSuggestion = await waitFor(async () => {
        const d = await expectationOf(order.id)
        return d.suggestions.length ? d : null
      }, "suggestion")
      const suggestion = withSuggestion.suggestions[0]
      expect(suggestion.status).toBe("pending")
      expect(suggestion.score).toBeGreaterThan(0)
      expect(suggestion.reasons.length).toBeGreaterThan(0)
      // Each reason carries its values, for the admin to write it in its own language.
      const byCode = (code: string) =>
        suggestion.reasons.find((r: any) => r.code === code)
      expect(byCode("reference_check_invalid").params).toMatchObject({
        expected: bt.reference,
        check: wrong.slice(-1),
      })
      expect(
        suggestion.reasons.find((r: any) => r.code.startsWith("amount_")).params
      ).toMatchObject({
        currency: "VND",
        amount: String(TOTAL - 20000),
        remaining: String(TOTAL),
        difference: "20000",
      })
      expect(withSuggestion.expectation.status).toBe("awaiting_transfer")

      const { data } = await api.post(
        `/admin/bank-transfer/suggestions/${suggestion.id}/confirm`,
        {},
        admin
      )
      expect(data.suggestion.status).toBe("confirmed")
      const after = await expectationOf(order.id)
      // 20,000 short: partially paid, the shopper is asked for the rest.
      expect(after.expectation.status).toBe("partially_paid")
      expect(after.expectation.amount_remaining).toBe(20000)
      await postSepay(api, sepayPayload(bt.memo, 20000))
      await waitForStatus(order.id, "paid")
      await waitFor(
        async () =>
          (await medusaOrder(order.id)).payment_status === "captured"
            ? true
            : null,
        "capture"
      )
    })

    it("rejecting a suggestion suppresses the pair for good", async () => {
      const { order, bt } = await newOrder()
      const wrong =
        bt.reference.slice(0, -1) + (bt.reference.endsWith("A") ? "B" : "A")
      await postSepay(api, sepayPayload(`CK ${wrong}`, TOTAL))
      const d = await waitFor(async () => {
        const x = await expectationOf(order.id)
        return x.suggestions.length ? x : null
      }, "suggestion")
      const s = d.suggestions[0]
      const { data } = await api.post(
        `/admin/bank-transfer/suggestions/${s.id}/reject`,
        { reason: "another customer" },
        admin
      )
      expect(data.suggestion.status).toBe("rejected")
      const tx = (
        await api.get(
          `/admin/bank-transfer/transactions/${s.transaction_id}`,
          admin
        )
      ).data
      expect(tx.transaction.status).toBe("unmatched")

      // Running the matcher again on the same transaction must not bring the pair back.
      const { reconcileTransactionWorkflow } =
        await import("../../src/workflows/match/reconcile-transaction")
      const service: any = getContainer().resolve("bankTransfer")
      await service.updateBankTransactions({
        id: s.transaction_id,
        reconciled_at: null,
      })
      await reconcileTransactionWorkflow(getContainer()).run({
        input: { transaction_id: s.transaction_id },
      })
      let again = await expectationOf(order.id)
      expect(again.suggestions.map((x: any) => x.status)).toEqual(["rejected"])
      // A run that finds nothing else closes it as unmatched: the transaction pays nothing else.
      await service.updateBankTransactions({
        id: s.transaction_id,
        reconciled_at: null,
      })
      await reconcileTransactionWorkflow(getContainer()).run({
        input: { transaction_id: s.transaction_id },
      })
      again = await expectationOf(order.id)
      expect(again.suggestions.map((x: any) => x.status)).toEqual(["rejected"])
      expect(
        (
          await api.get(
            `/admin/bank-transfer/transactions/${s.transaction_id}`,
            admin
          )
        ).data.transaction
      ).toEqual(
        expect.objectContaining({
          status: "unmatched",
          reconciled_at: expect.any(String),
        })
      )
      // The same answer again is a repeat: 200, replayed, nothing recorded twice.
      const twice = await api.post(
        `/admin/bank-transfer/suggestions/${s.id}/reject`,
        {},
        admin
      )
      expect(twice.data.replayed).toBe(true)
      expect(twice.data.suggestion.status).toBe("rejected")
    })

    it("closes money that pays no order as unmatched once, however many matchers race for it", async () => {
      const payload = sepayPayload("chuyen tien sinh nhat me", 777000)
      expect((await postSepay(api, payload)).status).toBe(200)
      const service: any = getContainer().resolve("bankTransfer")
      const tx = await waitFor(async () => {
        const [t] = await service.listBankTransactions({
          external_id: String(payload.id),
        })
        return t?.reconciled_at ? t : null
      }, "transaction closed")
      expect(tx.status).toBe("unmatched")
      // A sweep and duplicate events racing the subscriber: the lock and the conditional close
      // leave one outcome and one audit entry.
      await service.updateBankTransactions({ id: tx.id, reconciled_at: null })
      const { reconcileTransactionWorkflow } =
        await import("../../src/workflows/match/reconcile-transaction")
      await Promise.all(
        Array.from({ length: 5 }, () =>
          reconcileTransactionWorkflow(getContainer()).run({
            input: { transaction_id: tx.id },
          })
        )
      )
      const audit = await service.listAuditEvents({
        transaction_id: tx.id,
        action: "unmatched",
      })
      expect(audit).toHaveLength(2) // the subscriber's, then the one run that closed it again
      const [after] = await service.listBankTransactions({ id: tx.id })
      expect(after).toEqual(
        expect.objectContaining({
          status: "unmatched",
          reconciled_at: expect.any(Date),
        })
      )
    })

    it("matches by hand, undoes the allocation, ignores a transaction; validates bodies", async () => {
      const { order } = await newOrder()
      const txId = await simulatedTransfer("chuyen tien", TOTAL)

      const bad = await api
        .post(
          `/admin/bank-transfer/transactions/${txId}/match`,
          { allocations: [{ order_id: order.id, amount: -1 }] },
          admin
        )
        .catch((e) => e.response)
      expect(bad.status).toBe(400)
      const tooMuch = await api
        .post(
          `/admin/bank-transfer/transactions/${txId}/match`,
          { allocations: [{ order_id: order.id, amount: TOTAL + 1 }] },
          admin
        )
        .catch((e) => e.response)
      expect(tooMuch.status).toBe(400)
      expect(tooMuch.data.message).toContain("left to allocate")

      const { data: matched } = await api.post(
        `/admin/bank-transfer/transactions/${txId}/match`,
        { allocations: [{ order_id: order.id, amount: TOTAL }] },
        admin
      )
      expect(matched.transaction.status).toBe("matched")
      const paid = await expectationOf(order.id)
      expect(paid.expectation.status).toBe("paid")

      const noReason = await api
        .post(
          `/admin/bank-transfer/allocations/${paid.allocations[0].id}/undo`,
          {},
          admin
        )
        .catch((e) => e.response)
      expect(noReason.status).toBe(400)
      const { data: undone } = await api.post(
        `/admin/bank-transfer/allocations/${paid.allocations[0].id}/undo`,
        { reason: "wrong order" },
        admin
      )
      expect(undone.expectation.status).toBe("awaiting_transfer")
      // Medusa follows: what was captured for the allocation is refunded there, with the reason.
      const [payment] = (
        await api.get(
          `/admin/orders/${order.id}?fields=payment_status,*payment_collections.payments.refunds`,
          admin
        )
      ).data.order.payment_collections[0].payments
      expect(payment.refunds).toEqual([
        expect.objectContaining({
          amount: TOTAL,
          note: expect.stringContaining("wrong order"),
        }),
      ])
      const trail = (await expectationOf(order.id)).audit.map(
        (a: any) => `${a.action}:${a.actor_type}`
      )
      // "chuyen tien" names no order: the only open order of exactly that amount was suggested first.
      expect(trail).toEqual([
        "expectation_created:system",
        "suggested:system",
        "allocated:admin",
        "allocation_reversed:admin",
      ])

      const { data: ignored } = await api.post(
        `/admin/bank-transfer/transactions/${txId}/ignore`,
        { reason: "not ours" },
        admin
      )
      expect(ignored.transaction.status).toBe("ignored")
    })

    it("an accountant's match cut short after allocating is finished by the sweep: the order captured once", async () => {
      const { order } = await newOrder()
      const txId = await simulatedTransfer("chuyen tien", TOTAL)
      const expectationId = (await expectationOf(order.id)).expectation.id
      // The match route's first step, then the server dies: allocated, not captured.
      const service: any = getContainer().resolve("bankTransfer")
      await service.allocate({
        transaction_id: txId,
        allocations: [{ expectation_id: expectationId, amount: String(TOTAL) }],
        actor: { type: "admin", id: "accountant" },
      })
      expect((await expectationOf(order.id)).expectation.status).toBe("paid")
      expect((await medusaOrder(order.id)).payment_status).not.toBe("captured")
      expect(
        (await api.get(`/admin/bank-transfer/transactions/${txId}`, admin)).data
          .transaction.reconciled_at
      ).toBeNull()

      const { reconcilePendingTransactionsWorkflow } =
        await import("../../src/workflows/match/reconcile-pending-transactions")
      await reconcilePendingTransactionsWorkflow(getContainer()).run({
        input: {},
      })
      await reconcilePendingTransactionsWorkflow(getContainer()).run({
        input: {},
      })
      const captured = await medusaOrder(order.id)
      expect(captured.payment_status).toBe("captured")
      expect(
        captured.payment_collections[0].payments[0].captured_at
      ).toBeTruthy()
      const tx = (
        await api.get(`/admin/bank-transfer/transactions/${txId}`, admin)
      ).data.transaction
      expect(tx).toEqual(
        expect.objectContaining({
          status: "matched",
          reconciled_at: expect.any(String),
        })
      )
      expect(
        await service.listAuditEvents({
          transaction_id: txId,
          action: "reconciliation_resumed",
        })
      ).toHaveLength(1)
      const { data: captures } = await getContainer()
        .resolve("query")
        .graph({
          entity: "payment",
          filters: { id: captured.payment_collections[0].payments[0].id },
          fields: ["captures.id"],
        })
      expect(captures[0].captures).toHaveLength(1)
    })

    it("a capture cut short before the order recorded it is completed by the sweep, not made twice", async () => {
      const { order, bt } = await newOrder()
      await postSepay(api, sepayPayload(bt.memo, TOTAL))
      await waitFor(
        async () =>
          (await medusaOrder(order.id)).payment_status === "captured"
            ? true
            : null,
        "capture"
      )
      await settle(getContainer())
      // The server died after Medusa stored the capture and updated the payment collection, before
      // the order's capture transaction was written: take that transaction away, reopen the run.
      const orders: any = getContainer().resolve("order")
      const query = getContainer().resolve("query")
      const orderCaptures = async () =>
        (
          await orders.listOrderTransactions({
            order_id: order.id,
            reference: "capture",
          })
        ).length
      const [onOrder] = await orders.listOrderTransactions({
        order_id: order.id,
        reference: "capture",
      })
      await orders.deleteOrderTransactions([onOrder.id])
      expect(await orderCaptures()).toBe(0)
      const service: any = getContainer().resolve("bankTransfer")
      const [allocation] = (await expectationOf(order.id)).allocations
      await service.updateBankTransactions({
        id: allocation.transaction_id,
        reconciled_at: null,
      })

      const { reconcilePendingTransactionsWorkflow } =
        await import("../../src/workflows/match/reconcile-pending-transactions")
      await reconcilePendingTransactionsWorkflow(getContainer()).run({
        input: {},
      })
      await reconcilePendingTransactionsWorkflow(getContainer()).run({
        input: {},
      })
      expect(await orderCaptures()).toBe(1)
      const { data: payments } = await query.graph({
        entity: "payment",
        filters: {
          id: (await medusaOrder(order.id)).payment_collections[0].payments[0]
            .id,
        },
        fields: ["captures.id"],
      })
      expect(payments[0].captures).toHaveLength(1)
    })

    it("records an overpayment as surplus and captures once", async () => {
      const { order, bt } = await newOrder()
      await postSepay(api, sepayPayload(bt.memo, TOTAL + 100000))
      const d = await waitForStatus(order.id, "paid")
      expect(d.expectation).toMatchObject({
        amount_received: TOTAL + 100000,
        amount_remaining: 0,
        surplus: 100000,
      })
      expect(d.allocations.map((a: any) => a.amount)).toEqual([TOTAL + 100000])
      const o = await waitFor(async () => {
        const m = await medusaOrder(order.id)
        return m.payment_status === "captured" ? m : null
      }, "captured payment")
      const payments = o.payment_collections.flatMap((pc: any) => pc.payments)
      expect(payments.filter((p: any) => p.captured_at)).toHaveLength(1)
    })

    it("a late payment revives a tentatively cancelled order", async () => {
      const { order, bt } = await newOrder()
      const service: any = getContainer().resolve("bankTransfer")
      const [e] = await service.listExpectations({ order_id: order.id })
      await service.updateExpectations({
        id: e.id,
        status: "tentatively_canceled",
      })
      await postSepay(api, sepayPayload(bt.memo, TOTAL))
      const d = await waitForStatus(order.id, "paid")
      expect(d.allocations[0].amount).toBe(TOTAL)
    })

    it("one transfer paying two orders with both references and their exact sum is split", async () => {
      const a = await newOrder()
      const b = await newOrder()
      await postSepay(
        api,
        sepayPayload(`${a.bt.reference} ${b.bt.reference}`, TOTAL * 2)
      )
      await Promise.all([
        waitForStatus(a.order.id, "paid"),
        waitForStatus(b.order.id, "paid"),
      ])
    })

    it("admin routes need an admin", async () => {
      const res = await api
        .get("/admin/bank-transfer/transactions")
        .catch((e) => e.response)
      expect(res.status).toBe(401)
      const sim = await api
        .post("/admin/bank-transfer/simulate", { memo: "x", amount: 1 })
        .catch((e) => e.response)
      expect(sim.status).toBe(401)
    })
  },
})
