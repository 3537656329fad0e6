import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { MathBN, Modules } from "@medusajs/framework/utils"
import {
  adminHeaders,
  customerHeaders,
  placeOrder,
  seedShop,
  SeededShop,
} from "../helpers/shop"
import { settle } from "../helpers/settle"
import { postSepay, sepayPayload, waitFor } from "../helpers/webhooks"
import { BankTransferEvents } from "../../src/lib/events"

/**
 * Issue 14: one state machine for an order's transfer. The numbered situations of the issue, each
 * driven through the admin routes (the plugin's and Medusa's own) and checked on both sides: the
 * plugin's expectation and what Medusa's order and payment say.
 */

jest.setTimeout(240 * 1000)

const TOTAL = "2430000" // the digital product (2,400,000) plus shipping (30,000), VND
// Money is compared as decimal strings computed with MathBN, never as floats.
const plus = (a: unknown, b: unknown) =>
  MathBN.add(a as any, b as any).toFixed()
const minus = (a: unknown, b: unknown) =>
  MathBN.sub(a as any, b as any).toFixed()
/** An amount as the API answers it (number, string or BigNumber JSON) → "2430000"; missing stays visible. */
const money = (v: unknown): string =>
  v === undefined || v === null
    ? String(v)
    : MathBN.convert((v as any)?.value ?? (v as any)).toFixed()
/** SePay sends amounts as JSON numbers (its format); VND amounts are whole and well inside 2^53. */
const asNumber = (amount: string) => Number(amount)

/** Medusa handles its own events in subscribers: the plugin's view follows within seconds. */
const MEDUSA_SYNC_MS = 10_000
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** The payment reference with a wrong check letter: the order number alone is a likely, not a certain, match. */
const wrongReference = (reference: string) =>
  reference.slice(0, -1) + (reference.endsWith("A") ? "B" : "A")

type Headers = { headers: Record<string, string> }

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let shop: SeededShop
    let admin: Headers
    let adminUserId: string
    /** Every plugin event published while the suite runs (the event bus is the app's, kept across tests). */
    const published: { name: string; data: any }[] = []
    const eventNamed = (pattern: RegExp) =>
      Object.values(BankTransferEvents).find((name) => pattern.test(name))
    const REVERSED_EVENT = eventNamed(/allocation.?reversed/i)
    const NEEDS_ATTENTION_EVENT = eventNamed(/needs.?attention/i)
    const publishedFor = (name: string | undefined, id: string) =>
      published.filter(
        (e) => e.name === name && JSON.stringify(e.data).includes(id)
      )

    beforeAll(async () => {
      shop = await seedShop(getContainer())
      admin = await adminHeaders(api, getContainer())
      adminUserId = (await api.get("/admin/users/me", admin)).data.user.id
      for (const name of [REVERSED_EVENT, NEEDS_ATTENTION_EVENT]) {
        if (name) {
          getContainer()
            .resolve(Modules.EVENT_BUS)
            .subscribe(
              name,
              async (message: any) => {
                published.push({ name: message.name, data: message.data })
              },
              { subscriberId: `state-machine-spec-${name}` }
            )
        }
      }
    })

    afterEach(async () => {
      await settle(getContainer())
    })

    // ---------------------------------------------------------------- local helpers

    let buyers = 0
    /** A new shopper's bank-transfer order: the order and its instructions (`bt`: reference, memo). */
    async function newOrder() {
      const buyer = await customerHeaders(
        api,
        shop,
        `sm-buyer${++buyers}@example.com`
      )
      const { order } = await placeOrder(api, shop, buyer)
      const { data } = await api.get(
        `/store/bank-transfer/orders/${order.id}`,
        buyer
      )
      return { order, buyer, bt: data.bank_transfer }
    }

    /** POST as the admin; the response whatever its status (409s are expected answers here). */
    const post = (url: string, body: unknown = {}) =>
      api.post(url, body, admin).catch((e) => e.response)

    /** GET /admin/bank-transfer/orders/:id: expectation, allocations, suggestions, audit. */
    const detail = async (orderId: string) =>
      (await api.get(`/admin/bank-transfer/orders/${orderId}`, admin)).data

    const waitForDetail = (
      orderId: string,
      ok: (d: any) => boolean,
      what: string,
      timeoutMs = 20_000
    ) =>
      waitFor(
        async () => {
          const d = await detail(orderId)
          return ok(d) ? d : null
        },
        what,
        timeoutMs
      ).catch(async (e) => {
        const d = await detail(orderId)
        throw new Error(
          `${e.message}; the expectation is ${JSON.stringify(d.expectation)}`
        )
      })

    const waitForStatus = (
      orderId: string,
      status: string,
      timeoutMs = 20_000
    ) =>
      waitForDetail(
        orderId,
        (d) => d.expectation?.status === status,
        `expectation ${status}`,
        timeoutMs
      )

    /** The figures of an expectation as decimal strings, for one readable comparison. */
    const figures = (e: any) => ({
      status: e.status,
      amount_due: money(e.amount_due),
      amount_received: money(e.amount_received),
      amount_remaining: money(e.amount_remaining),
      surplus: money(e.surplus),
      amount_refunded: money(e.amount_refunded),
      captured_in_medusa: money(e.captured_in_medusa),
      amount_to_return: money(e.amount_to_return),
    })

    const activeAllocations = (d: any) =>
      (d.allocations as any[]).filter((a) => !a.reversed_at)

    /** Medusa's own view of the order's payments: status, captures and refunds. */
    async function medusaOrder(orderId: string) {
      const fields = [
        "id",
        "status",
        "payment_status",
        "payment_collections.id",
        "payment_collections.amount",
        "payment_collections.captured_amount",
        "payment_collections.refunded_amount",
        "payment_collections.payments.id",
        "payment_collections.payments.amount",
        "payment_collections.payments.provider_id",
        "payment_collections.payments.captured_at",
        "payment_collections.payments.canceled_at",
        "payment_collections.payments.captures.*",
        "payment_collections.payments.refunds.*",
      ].join(",")
      const order = (
        await api.get(`/admin/orders/${orderId}?fields=${fields}`, admin)
      ).data.order
      const payments = (order.payment_collections ?? []).flatMap(
        (pc: any) => pc.payments ?? []
      )
      const captures = payments.flatMap((p: any) => p.captures ?? [])
      const refunds = payments.flatMap((p: any) => p.refunds ?? [])
      return {
        order,
        payment: payments[0],
        payments,
        captures,
        refunds,
        captured: captures.reduce(
          (sum: string, c: any) => plus(sum, c.amount),
          "0"
        ),
        refunded: refunds.reduce(
          (sum: string, r: any) => plus(sum, r.amount),
          "0"
        ),
      }
    }

    const waitForMedusa = (
      orderId: string,
      ok: (m: Awaited<ReturnType<typeof medusaOrder>>) => boolean,
      what: string
    ) =>
      waitFor(
        async () => {
          const m = await medusaOrder(orderId)
          return ok(m) ? m : null
        },
        what,
        MEDUSA_SYNC_MS
      ).catch(async (e) => {
        const m = await medusaOrder(orderId)
        throw new Error(
          `${e.message}; Medusa says ${JSON.stringify({
            payment_status: m.order.payment_status,
            captured: m.captured,
            refunded: m.refunded,
          })}`
        )
      })

    /** A SePay transfer; answers the payload (its `id` is the transaction's external_id). */
    async function transfer(memo: string, amount: string) {
      const payload = sepayPayload(memo, asNumber(amount))
      const res = await postSepay(api, payload)
      expect(res.status).toBe(200)
      return payload
    }

    /** The stored transaction of a SePay payload, once the matcher has decided on it. */
    async function transactionOf(payload: { id: number }) {
      const service: any = getContainer().resolve("bankTransfer")
      return waitFor(async () => {
        const [t] = await service.listBankTransactions({
          external_id: String(payload.id),
        })
        return t?.reconciled_at ? t : null
      }, `transaction ${payload.id} reconciled`)
    }

    const transactionJson = async (id: string) =>
      (await api.get(`/admin/bank-transfer/transactions/${id}`, admin)).data
        .transaction

    /**
     * A transfer naming the order with a wrong check letter, for `amount` (within the tolerance):
     * one identifier, so a pending suggestion for the order. Answers the suggestion and its transaction id.
     */
    async function suggestedTransfer(
      order: { id: string },
      bt: any,
      amount: string,
      words = "CK"
    ) {
      const payload = await transfer(
        `${words} ${wrongReference(bt.reference)}`,
        amount
      )
      const d = await waitForDetail(
        order.id,
        (x) =>
          x.suggestions.some(
            (s: any) => s.transaction?.external_id === String(payload.id)
          ),
        "suggestion"
      )
      const suggestion = d.suggestions.find(
        (s: any) => s.transaction?.external_id === String(payload.id)
      )
      expect(suggestion.status).toBe("pending")
      return { suggestion, transaction_id: suggestion.transaction_id as string }
    }

    const suggestion = async (orderId: string, id: string) =>
      (await detail(orderId)).suggestions.find((s: any) => s.id === id)

    /** Pays the order in full with its reference and waits for paid and Medusa's capture. */
    async function paidByTransfer(order: { id: string }, bt: any) {
      await transfer(bt.memo, TOTAL)
      const d = await waitForStatus(order.id, "paid")
      await waitForMedusa(
        order.id,
        (m) => m.order.payment_status === "captured",
        "Medusa capture"
      )
      return d
    }

    /** The matching sweep (the job's workflow; the job itself is off in tests). */
    async function sweep() {
      const { reconcilePendingTransactionsWorkflow } =
        await import("../../src/workflows/match/reconcile-pending-transactions")
      await reconcilePendingTransactionsWorkflow(getContainer()).run({
        input: {},
      })
    }

    /** Puts the order on hold the way the escalation job does (as escalations.spec walks it). */
    async function putOnHold(orderId: string) {
      const { escalateUnpaidTransfersWorkflow } =
        await import("../../src/workflows/escalate/escalate-unpaid-transfers")
      const service: any = getContainer().resolve("bankTransfer")
      const [e] = await service.listExpectations({ order_id: orderId })
      // Placed on the Friday before Tết 2025: digital policy asks on 02-05 and 02-07, holds on 02-08.
      const placed = new Date("2025-01-24T08:00:00Z")
      await service.updateExpectations({
        id: e.id,
        placed_at: placed,
        next_step: "confirmation_1",
        next_step_at: placed,
      })
      for (const now of [
        "2025-02-04T17:00:00Z",
        "2025-02-06T17:00:00Z",
        "2025-02-07T17:00:00Z",
      ]) {
        await escalateUnpaidTransfersWorkflow(getContainer()).run({
          input: { now: new Date(now) },
        })
      }
      return waitForStatus(orderId, "tentatively_canceled")
    }

    /**
     * A 409 whose message says what happened. Medusa's error handler answers CONFLICT errors with
     * its own generic sentence, which says nothing: that does not count.
     */
    const MEDUSA_GENERIC_CONFLICT =
      "The request conflicted with another request"
    const saysWhatHappened = (res: any) =>
      res?.status === 409 &&
      typeof res.data?.message === "string" &&
      res.data.message.length > 0 &&
      !res.data.message.startsWith(MEDUSA_GENERIC_CONFLICT)
    function expectConflict(res: any, pattern: RegExp) {
      expect({ status: res?.status, message: res?.data?.message }).toEqual({
        status: 409,
        message: expect.stringMatching(pattern),
      })
      expect(saysWhatHappened(res)).toBe(true)
    }

    type Labelled = { action: string; res: any }
    /**
     * Of conflicting concurrent actions exactly one wins (200, not replayed); every other answer is
     * a 409 whose message says what happened, or a 200 replay of the winner's own action. Answers
     * the winner's action at once (the end state depends on it) and `check`, to call after the end
     * state was judged, which asserts the answers themselves.
     */
    function judgeRace(answers: Labelled[]) {
      const summary = answers.map(
        (a) =>
          `${a.action}:${a.res?.status}${a.res?.data?.replayed ? ":replayed" : ""}`
      )
      const winners = answers.filter(
        (a) => a.res?.status === 200 && a.res.data?.replayed !== true
      )
      if (!winners.length) {
        throw new Error(`No action won the race: ${summary.join(", ")}`)
      }
      const won = winners[0].action
      const check = () => {
        expect({ winners: winners.length, summary }).toEqual({
          winners: 1,
          summary,
        })
        const unexpected = answers.filter(
          (a) =>
            a !== winners[0] &&
            !(
              a.res?.status === 409 ||
              (a.res?.status === 200 &&
                a.res.data?.replayed === true &&
                a.action === won)
            )
        )
        expect(
          unexpected.map((a) => ({
            action: a.action,
            status: a.res?.status,
            body: a.res?.data,
          }))
        ).toEqual([])
        expect(
          answers
            .filter((a) => a.res?.status === 409 && !saysWhatHappened(a.res))
            .map((a) => `${a.action}: ${a.res.data?.message}`)
        ).toEqual([])
      }
      return { won, check }
    }

    /** Interleaves n requests of each labelled kind and sends them all at once. */
    async function race(
      kinds: Record<string, () => Promise<any>>,
      each = 10
    ): Promise<Labelled[]> {
      const jobs: { action: string; run: () => Promise<any> }[] = []
      for (let i = 0; i < each; i++) {
        for (const [action, run] of Object.entries(kinds)) {
          jobs.push({ action, run })
        }
      }
      const results = await Promise.all(jobs.map((j) => j.run()))
      return jobs.map((j, i) => ({ action: j.action, res: results[i] }))
    }

    const confirm = (id: string, body: Record<string, unknown> = {}) =>
      post(`/admin/bank-transfer/suggestions/${id}/confirm`, body)
    const reject = (id: string, body: Record<string, unknown> = {}) =>
      post(`/admin/bank-transfer/suggestions/${id}/reject`, body)
    const undo = (id: string, reason = "paid the wrong order") =>
      post(`/admin/bank-transfer/allocations/${id}/undo`, { reason })
    const returnTransaction = (id: string) =>
      post(`/admin/bank-transfer/transactions/${id}/ignore`, {
        return: true,
        reason: "sent back to the payer",
      })

    // ---------------------------------------------------------------- situation 1

    describe("1: two suggestions for one order", () => {
      it("1: confirming one suggestion pays the order and supersedes the other; that one is booked only as an explicit surplus", async () => {
        const { order, bt } = await newOrder()
        const second = minus(TOTAL, "10000")
        const a = await suggestedTransfer(order, bt, TOTAL, "CK")
        const b = await suggestedTransfer(order, bt, second, "thanh toan don")

        const first = await confirm(a.suggestion.id)
        expect(first.status).toBe(200)
        expect(first.data.suggestion.status).toBe("confirmed")
        let d = await detail(order.id)
        expect(figures(d.expectation)).toMatchObject({
          status: "paid",
          amount_received: TOTAL,
          amount_remaining: "0",
          surplus: "0",
        })

        // Nothing left to receive: B's pending suggestion is superseded, not left pending.
        const superseded = await suggestion(order.id, b.suggestion.id)
        expect(superseded).toMatchObject({
          status: "superseded",
          decision_reason: "order_paid",
        })
        const m = await waitForMedusa(
          order.id,
          (x) => x.order.payment_status === "captured",
          "capture"
        )
        expect(m.captures).toHaveLength(1)
        expect(m.captured).toBe(TOTAL)

        // Confirming the superseded suggestion takes no more money for a paid order…
        const refused = await confirm(b.suggestion.id)
        expect(refused.status).toBe(409)
        // …nor with a surplus that is not exactly what would be booked.
        const wrongSurplus = await confirm(b.suggestion.id, {
          surplus_amount: minus(second, "1"),
        })
        expect(wrongSurplus.status).toBe(409)
        d = await detail(order.id)
        expect(activeAllocations(d)).toHaveLength(1)
        expect(money(d.expectation.surplus)).toBe("0")

        // Saying the exact unallocated amount books it as surplus; the order stays paid.
        const asSurplus = await confirm(b.suggestion.id, {
          surplus_amount: second,
        })
        expect(asSurplus.status).toBe(200)
        d = await detail(order.id)
        expect(figures(d.expectation)).toMatchObject({
          status: "paid",
          amount_received: plus(TOTAL, second),
          amount_remaining: "0",
          surplus: second,
        })
        expect(activeAllocations(d)).toHaveLength(2)
        const b2 = await transactionJson(b.transaction_id)
        expect(money(b2.amount_allocated)).toBe(second)
        // Medusa captured the order total once; the surplus is not a second capture.
        await settle(getContainer())
        const after = await medusaOrder(order.id)
        expect(after.captures).toHaveLength(1)
        expect(after.captured).toBe(TOTAL)
        // The refusals said what happened.
        expectConflict(refused, /paid/i)
        expectConflict(wrongSurplus, /surplus|paid/i)
      })

      it("1: a certain transfer that pays the order supersedes every pending suggestion for it", async () => {
        const { order, bt } = await newOrder()
        const a = await suggestedTransfer(order, bt, TOTAL, "CK")
        const b = await suggestedTransfer(
          order,
          bt,
          minus(TOTAL, "20000"),
          "thanh toan"
        )
        await paidByTransfer(order, bt)
        const d = await detail(order.id)
        for (const id of [a.suggestion.id, b.suggestion.id]) {
          expect(d.suggestions.find((s: any) => s.id === id)).toMatchObject({
            status: "superseded",
            decision_reason: "order_paid",
          })
        }
        const refused = await confirm(a.suggestion.id)
        expect(refused.status).toBe(409)
        expect(figures((await detail(order.id)).expectation)).toMatchObject({
          status: "paid",
          amount_received: TOTAL,
          surplus: "0",
        })
        expectConflict(refused, /paid/i)
      })
    })

    // ---------------------------------------------------------------- situation 2

    describe("2: conflicting actions", () => {
      it("2: the loser of confirm-then-reject gets a 409 saying who confirmed it and when", async () => {
        const { order, bt } = await newOrder()
        const { suggestion: s } = await suggestedTransfer(order, bt, TOTAL)
        expect((await confirm(s.id)).status).toBe(200)
        const late = await reject(s.id, { reason: "wrong customer" })
        expect(late.status).toBe(409)
        expect((await suggestion(order.id, s.id)).status).toBe("confirmed")
        expectConflict(late, /confirmed/i)
        expect(late.data.message).toContain(adminUserId)
      })

      it("2: the loser of reject-then-confirm gets a 409 and no money moves", async () => {
        const { order, bt } = await newOrder()
        const { suggestion: s, transaction_id } = await suggestedTransfer(
          order,
          bt,
          TOTAL
        )
        expect((await reject(s.id)).status).toBe(200)
        const late = await confirm(s.id)
        expect(late.status).toBe(409)
        const d = await detail(order.id)
        expect(d.allocations).toHaveLength(0)
        expect(d.expectation.status).toBe("awaiting_transfer")
        expect((await transactionJson(transaction_id)).status).toBe("unmatched")
        expect((await medusaOrder(order.id)).captures).toHaveLength(0)
        expectConflict(late, /rejected/i)
      })

      it("2: a transaction returned first makes a later confirm of its suggestion a 409, and no money moves", async () => {
        const { order, bt } = await newOrder()
        const { suggestion: s, transaction_id } = await suggestedTransfer(
          order,
          bt,
          TOTAL
        )
        const returned = await returnTransaction(transaction_id)
        expect(returned.status).toBe(200)
        expect(returned.data.transaction.status).toBe("returned")
        const late = await confirm(s.id)
        expect(late.status).toBe(409)
        const d = await detail(order.id)
        expect(d.allocations).toHaveLength(0)
        expect(d.expectation.status).toBe("awaiting_transfer")
        expect(
          d.suggestions.find((x: any) => x.id === s.id).status
        ).not.toMatch(/pending|confirmed/)
        expect((await transactionJson(transaction_id)).status).toBe("returned")
        await settle(getContainer())
        expect((await medusaOrder(order.id)).captures).toHaveLength(0)
        expectConflict(late, /return/i)
      })

      it("2: repeating the same confirm, reject or undo answers 200 replayed with no second effect", async () => {
        const one = await newOrder()
        const c = await suggestedTransfer(one.order, one.bt, TOTAL)
        const first = await confirm(c.suggestion.id)
        expect(first.status).toBe(200)
        expect(first.data.replayed).not.toBe(true)
        const again = await confirm(c.suggestion.id)
        expect(again.status).toBe(200)
        expect(again.data.replayed).toBe(true)
        let d = await detail(one.order.id)
        expect(d.allocations).toHaveLength(1)
        expect(money(d.expectation.amount_received)).toBe(TOTAL)
        await settle(getContainer())
        expect((await medusaOrder(one.order.id)).captures).toHaveLength(1)

        const undone = await undo(d.allocations[0].id)
        expect(undone.status).toBe(200)
        expect(undone.data.replayed).not.toBe(true)
        const undoneAgain = await undo(d.allocations[0].id)
        expect(undoneAgain.status).toBe(200)
        expect(undoneAgain.data.replayed).toBe(true)
        d = await detail(one.order.id)
        const reversals = d.audit.filter(
          (a: any) => a.action === "allocation_reversed"
        )
        expect(reversals).toHaveLength(1)
        // The timeline names the admin: their email while they have no name, then their name.
        expect(reversals[0]).toMatchObject({
          actor_type: "admin",
          actor_name: "admin@test.local",
        })
        const me = (await api.get("/admin/users/me", admin)).data.user
        await api.post(
          `/admin/users/${me.id}`,
          { first_name: "Lan", last_name: "Nguyễn" },
          admin
        )
        d = await detail(one.order.id)
        expect(
          d.audit.find((a: any) => a.action === "allocation_reversed")
        ).toMatchObject({ actor_id: me.id, actor_name: "Lan Nguyễn" })
        expect(d.allocations[0]).toMatchObject({
          created_by: `admin:${me.id}`,
          created_by_name: "Lan Nguyễn",
        })
        expect(
          d.audit.find((a: any) => a.action === "expectation_created")
        ).toMatchObject({ actor_type: "system", actor_name: null })
        await settle(getContainer())
        expect((await medusaOrder(one.order.id)).refunds).toHaveLength(1)

        const two = await newOrder()
        const r = await suggestedTransfer(two.order, two.bt, TOTAL)
        expect((await reject(r.suggestion.id)).status).toBe(200)
        const rejectedAgain = await reject(r.suggestion.id)
        expect(rejectedAgain.status).toBe(200)
        expect(rejectedAgain.data.replayed).toBe(true)
        expect(
          (await detail(two.order.id)).audit.filter((a: any) =>
            /reject/.test(a.action)
          )
        ).toHaveLength(1)
      })

      it("2: race, 10 confirms against 10 rejects of one suggestion: one wins, the end state is consistent", async () => {
        const { order, bt } = await newOrder()
        const { suggestion: s, transaction_id } = await suggestedTransfer(
          order,
          bt,
          TOTAL
        )
        const answers = await race({
          confirm: () => confirm(s.id),
          reject: () => reject(s.id, { reason: "not this one" }),
        })
        const { won, check } = judgeRace(answers)
        await settle(getContainer())
        const d = await detail(order.id)
        const m = await medusaOrder(order.id)
        if (won === "confirm") {
          expect((await suggestion(order.id, s.id)).status).toBe("confirmed")
          expect((await transactionJson(transaction_id)).status).toBe("matched")
          expect(activeAllocations(d)).toHaveLength(1)
          expect(d.allocations).toHaveLength(1)
          expect(d.expectation.status).toBe("paid")
          expect(m.captures).toHaveLength(1)
          expect(m.captured).toBe(TOTAL)
        } else {
          expect((await suggestion(order.id, s.id)).status).toBe("rejected")
          expect(d.allocations).toHaveLength(0)
          expect(d.expectation.status).toBe("awaiting_transfer")
          expect(m.captures).toHaveLength(0)
        }
        check()
      })

      it("2: race, 10 confirms of a suggestion against 10 returns of its transaction: one wins", async () => {
        const { order, bt } = await newOrder()
        const { suggestion: s, transaction_id } = await suggestedTransfer(
          order,
          bt,
          TOTAL
        )
        const answers = await race({
          confirm: () => confirm(s.id),
          return: () => returnTransaction(transaction_id),
        })
        const { won, check } = judgeRace(answers)
        await settle(getContainer())
        const d = await detail(order.id)
        const m = await medusaOrder(order.id)
        const t = await transactionJson(transaction_id)
        if (won === "confirm") {
          expect((await suggestion(order.id, s.id)).status).toBe("confirmed")
          expect(t.status).toBe("matched")
          expect(activeAllocations(d)).toHaveLength(1)
          expect(d.expectation.status).toBe("paid")
          expect(m.captures).toHaveLength(1)
        } else {
          expect(t.status).toBe("returned")
          expect(money(t.amount_allocated)).toBe("0")
          expect((await suggestion(order.id, s.id)).status).not.toBe(
            "confirmed"
          )
          expect((await suggestion(order.id, s.id)).status).not.toBe("pending")
          expect(d.allocations).toHaveLength(0)
          expect(d.expectation.status).toBe("awaiting_transfer")
          expect(m.captures).toHaveLength(0)
        }
        check()
      })

      it("2: race, 20 undos of one captured allocation: one reversal, one Medusa refund", async () => {
        const { order, bt } = await newOrder()
        const paid = await paidByTransfer(order, bt)
        const [allocation] = paid.allocations
        const answers = await race(
          { undo: () => undo(allocation.id, "paid the wrong order") },
          20
        )
        const { check } = judgeRace(answers)
        await settle(getContainer())
        const d = await detail(order.id)
        expect(
          d.audit.filter((a: any) => a.action === "allocation_reversed")
        ).toHaveLength(1)
        expect(d.expectation.status).toBe("awaiting_transfer")
        expect(money(d.expectation.amount_received)).toBe("0")
        const m = await medusaOrder(order.id)
        expect(m.refunds).toHaveLength(1)
        expect(m.refunded).toBe(TOTAL)
        expect(m.captures).toHaveLength(1)
        check()
      })

      it("2: race, 20 confirms on two transactions' suggestions for one order: paid once, the other superseded", async () => {
        const { order, bt } = await newOrder()
        const a = await suggestedTransfer(order, bt, TOTAL, "CK")
        const b = await suggestedTransfer(order, bt, TOTAL, "chuyen khoan don")
        const answers = await race({
          a: () => confirm(a.suggestion.id),
          b: () => confirm(b.suggestion.id),
        })
        const { won, check } = judgeRace(answers)
        const [winner, loser] = won === "a" ? [a, b] : [b, a]
        await settle(getContainer())
        const d = await detail(order.id)
        expect(figures(d.expectation)).toMatchObject({
          status: "paid",
          amount_received: TOTAL,
          amount_remaining: "0",
          surplus: "0",
        })
        const active = activeAllocations(d)
        expect(active).toHaveLength(1)
        expect(active[0].transaction_id).toBe(winner.transaction_id)
        expect(d.allocations).toHaveLength(1)
        expect(await suggestion(order.id, winner.suggestion.id)).toMatchObject({
          status: "confirmed",
        })
        expect(await suggestion(order.id, loser.suggestion.id)).toMatchObject({
          status: "superseded",
          decision_reason: "order_paid",
        })
        expect(
          money((await transactionJson(loser.transaction_id)).amount_allocated)
        ).toBe("0")
        const m = await medusaOrder(order.id)
        expect(m.captures).toHaveLength(1)
        expect(m.captured).toBe(TOTAL)
        check()
      })
    })

    // ---------------------------------------------------------------- situation 3

    describe("3: captures and refunds made in Medusa's admin", () => {
      it("3: a partial capture in Medusa makes the order partially paid; a transfer of exactly the rest pays it", async () => {
        const { order, bt } = await newOrder()
        const part = "1000000"
        const rest = minus(TOTAL, part)
        const { payment } = await medusaOrder(order.id)
        const captured = await post(`/admin/payments/${payment.id}/capture`, {
          amount: asNumber(part),
        })
        expect(captured.status).toBe(200)
        const d = await waitForStatus(
          order.id,
          "partially_paid",
          MEDUSA_SYNC_MS
        )
        expect(figures(d.expectation)).toMatchObject({
          status: "partially_paid",
          amount_due: TOTAL,
          amount_received: part,
          captured_in_medusa: part,
          amount_remaining: rest,
        })
        expect((await medusaOrder(order.id)).order.payment_status).toBe(
          "partially_captured"
        )

        const payload = await transfer(bt.memo, rest)
        const tx = await transactionOf(payload)
        expect(tx.status).toBe("matched")
        const paid = await waitForStatus(order.id, "paid")
        expect(figures(paid.expectation)).toMatchObject({
          amount_received: TOTAL,
          amount_remaining: "0",
          surplus: "0",
        })
        const m = await waitForMedusa(
          order.id,
          (x) => x.order.payment_status === "captured",
          "the rest captured"
        )
        expect(m.captured).toBe(TOTAL)
        expect(m.captures).toHaveLength(2)
      })

      it("3: refunds made in Medusa are counted as refunded and to return; a full refund makes the order refunded", async () => {
        const { order, bt } = await newOrder()
        await paidByTransfer(order, bt)
        const { payment } = await medusaOrder(order.id)
        const first = "430000"
        expect(
          (
            await post(`/admin/payments/${payment.id}/refund`, {
              amount: asNumber(first),
            })
          ).status
        ).toBe(200)
        let d = await waitForDetail(
          order.id,
          (x) => money(x.expectation.amount_refunded) === first,
          "partial refund counted",
          MEDUSA_SYNC_MS
        )
        expect(figures(d.expectation)).toMatchObject({
          amount_refunded: first,
          amount_to_return: first,
        })
        expect(d.expectation.status).not.toBe("refunded")

        expect(
          (
            await post(`/admin/payments/${payment.id}/refund`, {
              amount: asNumber(minus(TOTAL, first)),
            })
          ).status
        ).toBe(200)
        d = await waitForStatus(order.id, "refunded", MEDUSA_SYNC_MS)
        expect(figures(d.expectation)).toMatchObject({
          amount_refunded: TOTAL,
          amount_to_return: TOTAL,
        })
      })
    })

    // ---------------------------------------------------------------- situation 4

    describe("4: the order cancelled in Medusa", () => {
      const cancelInMedusa = async (orderId: string) => {
        const res = await post(`/admin/orders/${orderId}/cancel`)
        expect({ status: res.status, body: res.data }).toMatchObject({
          status: 200,
        })
      }
      const saysCancelledInMedusa = (audit: any[]) =>
        audit.some(
          (a) =>
            /cancel/i.test(a.action) &&
            /medusa/i.test(`${a.action} ${a.message ?? ""}`)
        )

      it("4: an order paid by transfer and cancelled in Medusa is canceled with all its money to return", async () => {
        const { order, bt } = await newOrder()
        await paidByTransfer(order, bt)
        await cancelInMedusa(order.id)
        await waitForStatus(order.id, "canceled", MEDUSA_SYNC_MS)
        // Medusa refunds the captured payment while cancelling: that must not count the money twice.
        await settle(getContainer())
        await sleep(500)
        const d = await detail(order.id)
        expect(figures(d.expectation)).toMatchObject({
          status: "canceled",
          amount_received: TOTAL,
          amount_to_return: TOTAL,
        })
        expect(saysCancelledInMedusa(d.audit)).toBe(true)
      })

      it("4: a partially paid order cancelled in Medusa is canceled with the part payment to return", async () => {
        const { order, bt } = await newOrder()
        const part = "1000000"
        await transfer(bt.memo, part)
        await waitForStatus(order.id, "partially_paid")
        // Medusa tells the same truth: the part is captured as it lands.
        const m = await waitForMedusa(
          order.id,
          (x) => x.order.payment_status === "partially_captured",
          "partial capture"
        )
        expect(m.captured).toBe(part)
        await cancelInMedusa(order.id)
        await waitForStatus(order.id, "canceled", MEDUSA_SYNC_MS)
        await settle(getContainer())
        await sleep(500)
        const d = await detail(order.id)
        expect(figures(d.expectation)).toMatchObject({
          status: "canceled",
          amount_received: part,
          amount_to_return: part,
        })
        expect(saysCancelledInMedusa(d.audit)).toBe(true)
      })
    })

    // ---------------------------------------------------------------- situation 5

    describe("5: undo after capture", () => {
      it("5: undoing a captured allocation refunds it in Medusa, reopens the order and emits the reversal", async () => {
        expect(REVERSED_EVENT).toBeDefined()
        const { order, bt } = await newOrder()
        const paid = await paidByTransfer(order, bt)
        const [allocation] = paid.allocations
        const res = await undo(allocation.id, "money was for another shop")
        expect(res.status).toBe(200)
        const d = await detail(order.id)
        expect(figures(d.expectation)).toMatchObject({
          status: "awaiting_transfer",
          amount_received: "0",
          amount_remaining: TOTAL,
        })
        expect(
          d.audit.filter((a: any) => a.action === "allocation_reversed")
        ).toHaveLength(1)
        const m = await waitForMedusa(
          order.id,
          (x) => x.refunds.length > 0,
          "Medusa refund"
        )
        expect(m.refunds).toHaveLength(1)
        expect(money(m.refunds[0].amount)).toBe(TOTAL)
        expect(m.refunds[0].note ?? "").toMatch(/undo|undone|revers/i)
        await waitFor(
          async () => publishedFor(REVERSED_EVENT, allocation.id).length > 0,
          "allocation reversed event",
          MEDUSA_SYNC_MS
        )
        await sleep(300)
        expect(publishedFor(REVERSED_EVENT, allocation.id)).toHaveLength(1)
      })

      it("5: an order on hold that was paid returns to on hold (tentatively_canceled) when its allocation is undone", async () => {
        const { order, bt } = await newOrder()
        await putOnHold(order.id)
        const paid = await paidByTransfer(order, bt) // a late payment revives it
        const res = await undo(paid.allocations[0].id, "not this shopper")
        expect(res.status).toBe(200)
        const d = await detail(order.id)
        expect(figures(d.expectation)).toMatchObject({
          status: "tentatively_canceled",
          amount_received: "0",
          amount_remaining: TOTAL,
        })
        const m = await waitForMedusa(
          order.id,
          (x) => x.refunds.length > 0,
          "Medusa refund"
        )
        expect(m.refunded).toBe(TOTAL)
      })
    })

    // ---------------------------------------------------------------- situation 6

    describe("6: write-off from the settings", () => {
      /** Saves a 5,000 VND write-off through the settings route for the test, then removes it. */
      async function withWriteOff(test: () => Promise<void>) {
        const saved = await post("/admin/bank-transfer/settings", {
          write_off: { VND: "5000" },
        })
        expect(saved.status).toBe(200)
        expect(saved.data.settings.write_off).toEqual({ VND: "5000" })
        try {
          await test()
        } finally {
          await post("/admin/bank-transfer/settings", { write_off: {} })
        }
      }

      it("6: a write-off saved in the settings makes a transfer 5,000 short count as paid, and Medusa captures the order", () =>
        withWriteOff(async () => {
          const { order, bt } = await newOrder()
          await transfer(bt.memo, minus(TOTAL, "5000"))
          const d = await waitForStatus(order.id, "paid")
          expect(figures(d.expectation)).toMatchObject({
            status: "paid",
            amount_received: minus(TOTAL, "5000"),
          })
          const m = await waitForMedusa(
            order.id,
            (x) => x.order.payment_status === "captured",
            "Medusa capture"
          )
          expect(m.captures.length).toBeGreaterThan(0)
        }))

      it("6: one dong beyond the saved write-off is a part payment", () =>
        withWriteOff(async () => {
          const { order, bt } = await newOrder()
          await transfer(bt.memo, minus(TOTAL, "5001"))
          const d = await waitForStatus(order.id, "partially_paid")
          expect(money(d.expectation.amount_remaining)).toBe("5001")
        }))
    })

    // ---------------------------------------------------------------- failures never loop

    describe("failures never loop", () => {
      it("a capture Medusa refuses flags needs_attention once; sweeps do not retry it; retry-capture captures once", async () => {
        // Medusa's payment module calls the provider through its provider service: make that call
        // fail (a bank gateway outage) until the test clears the fault.
        const providers: any = (getContainer().resolve(Modules.PAYMENT) as any)
          .paymentProviderService_
        expect(providers?.capturePayment).toEqual(expect.any(Function))
        const original = providers.capturePayment
        let calls = 0
        let failing = true
        providers.capturePayment = async (providerId: string, input: any) => {
          calls++
          if (failing) {
            throw new Error("Bank gateway unavailable (test fault)")
          }
          return original.call(providers, providerId, input)
        }
        try {
          const { order, bt } = await newOrder()
          await transfer(bt.memo, TOTAL)
          const flagged = await waitForStatus(order.id, "needs_attention")
          expect(flagged.expectation.attention_reason).toContain(
            "Bank gateway unavailable"
          )
          // The money stays applied (nothing rolled back silently) and Medusa has no capture.
          expect(activeAllocations(flagged)).toHaveLength(1)
          expect(money(flagged.expectation.amount_received)).toBe(TOTAL)
          await settle(getContainer())
          expect((await medusaOrder(order.id)).captures).toHaveLength(0)
          const callsAfterFailure = calls
          expect(callsAfterFailure).toBeGreaterThan(0)

          await sweep()
          await sweep()
          await settle(getContainer())
          expect(calls).toBe(callsAfterFailure)
          const still = await detail(order.id)
          expect(still.expectation.status).toBe("needs_attention")
          expect(still.allocations.map((a: any) => a.id)).toEqual(
            flagged.allocations.map((a: any) => a.id)
          )
          expect(publishedFor(NEEDS_ATTENTION_EVENT, order.id)).toHaveLength(1)

          failing = false
          const retry = await post(
            `/admin/bank-transfer/orders/${order.id}/retry-capture`
          )
          expect({ status: retry.status, body: retry.data }).toMatchObject({
            status: 200,
          })
          const paid = await waitForStatus(order.id, "paid")
          expect(paid.expectation.attention_reason ?? null).toBeNull()
          expect(activeAllocations(paid)).toHaveLength(1)
          const m = await waitForMedusa(
            order.id,
            (x) => x.order.payment_status === "captured",
            "capture after retry"
          )
          expect(m.captures).toHaveLength(1)
          expect(m.captured).toBe(TOTAL)
        } finally {
          providers.capturePayment = original
        }
      })
    })

    // ---------------------------------------------------------------- situation 8

    describe("8: split payment whose second capture fails", () => {
      it("8: the first order stays captured and paid, the second needs attention; sweeps change nothing; retry-capture exists", async () => {
        const a = await newOrder()
        const b = await newOrder()
        // B's Medusa payment can no longer be captured.
        const { payment: bPayment } = await medusaOrder(b.order.id)
        await getContainer().resolve(Modules.PAYMENT).cancelPayment(bPayment.id)

        const payload = await transfer(
          `${a.bt.reference} ${b.bt.reference}`,
          plus(TOTAL, TOTAL)
        )
        const bFlagged = await waitForStatus(b.order.id, "needs_attention")
        expect(bFlagged.expectation.attention_reason).toEqual(
          expect.any(String)
        )
        expect(bFlagged.expectation.attention_reason.length).toBeGreaterThan(0)
        // Nothing rolled back silently: B keeps the money it was given, and says why it is stuck.
        expect(activeAllocations(bFlagged)).toHaveLength(1)
        expect(money(bFlagged.expectation.amount_received)).toBe(TOTAL)

        const aPaid = await waitForStatus(a.order.id, "paid")
        expect(activeAllocations(aPaid)).toHaveLength(1)
        const aMedusa = await waitForMedusa(
          a.order.id,
          (x) => x.order.payment_status === "captured",
          "A captured"
        )
        expect(aMedusa.captures).toHaveLength(1)
        expect(aMedusa.captured).toBe(TOTAL)
        expect((await medusaOrder(b.order.id)).captures).toHaveLength(0)

        await settle(getContainer())
        const service: any = getContainer().resolve("bankTransfer")
        const [tx] = await service.listBankTransactions({
          external_id: String(payload.id),
        })
        const snapshot = async () => {
          const [da, db] = [await detail(a.order.id), await detail(b.order.id)]
          return {
            a: {
              ...figures(da.expectation),
              allocations: da.allocations.map((x: any) => [
                x.id,
                money(x.amount),
                x.reversed_at,
              ]),
              captures: (await medusaOrder(a.order.id)).captures.length,
            },
            b: {
              ...figures(db.expectation),
              allocations: db.allocations.map((x: any) => [
                x.id,
                money(x.amount),
                x.reversed_at,
              ]),
              reversals: db.audit.filter(
                (x: any) => x.action === "allocation_reversed"
              ).length,
              captures: (await medusaOrder(b.order.id)).captures.length,
            },
            transaction_allocated: money(
              (await transactionJson(tx.id)).amount_allocated
            ),
          }
        }
        const before = await snapshot()
        expect(before.transaction_allocated).toBe(plus(TOTAL, TOTAL))
        expect(before.b.reversals).toBe(0)

        // The sweep does not try again and again, nor undo anything.
        await sweep()
        await sweep()
        await settle(getContainer())
        expect(await snapshot()).toEqual(before)

        // Medusa's refusal is told once, not once per sweep.
        expect(NEEDS_ATTENTION_EVENT).toBeDefined()
        expect(publishedFor(NEEDS_ATTENTION_EVENT, b.order.id)).toHaveLength(1)

        // The accountant's way out exists (it fails again here: the payment stays cancelled).
        const retry = await post(
          `/admin/bank-transfer/orders/${b.order.id}/retry-capture`
        )
        expect(retry.status).not.toBe(404)
        expect(retry.status).toBeLessThan(500)
        await settle(getContainer())
        const afterRetry = await snapshot()
        expect(afterRetry.b.status).toBe("needs_attention")
        expect(afterRetry.b.allocations).toEqual(before.b.allocations)
        expect(afterRetry.a).toEqual(before.a)
        // Refused again: a 409 that passes Medusa's reason on.
        expectConflict(retry, /cancel/i)
      })
    })
  },
})
