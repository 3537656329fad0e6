import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import {
  adminHeaders,
  customerHeaders,
  placeOrder,
  seedShop,
  SeededShop,
} from "../helpers/shop"
import { withPublicUrl } from "../helpers/public-url"
import { settle } from "../helpers/settle"
import { postSepay, sepayPayload, waitFor } from "../helpers/webhooks"
import { escalateUnpaidTransfersWorkflow } from "../../src/workflows/escalate/escalate-unpaid-transfers"
import { announceEscalationsWorkflow } from "../../src/workflows/escalate/announce-escalations"

/** One escalation run at `now`, as the job runs it. */
const escalateDueTransfers = async (container: any, now = new Date()) =>
  (await escalateUnpaidTransfersWorkflow(container).run({ input: { now } }))
    .result
import escalateJob from "../../src/jobs/escalate-unpaid-transfers"

jest.setTimeout(180 * 1000)

const TOTAL = 2400000 + 30000
// Friday before Tết 2025, 15:00 in Hà Nội. Digital policy: ask on 2025-02-05 and 02-07, hold on 02-08.
const PLACED = new Date("2025-01-24T08:00:00Z")
const at = (iso: string) => new Date(iso)
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 1),
])

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
    async function orderPlacedBeforeTet() {
      const buyer = await customerHeaders(api, shop, `esc${++n}@example.com`)
      const { order } = await placeOrder(api, shop, buyer)
      const { data } = await api.get(
        `/store/bank-transfer/orders/${order.id}`,
        buyer
      )
      const service: any = getContainer().resolve("bankTransfer")
      const [e] = await service.listExpectations({ order_id: order.id })
      // Move the order back in time; the job recomputes the schedule from placed_at.
      await service.updateExpectations({
        id: e.id,
        placed_at: PLACED,
        next_step: "confirmation_1",
        next_step_at: PLACED,
      })
      return { order, buyer, bt: data.bank_transfer, expectation: e }
    }
    const status = async (orderId: string) =>
      (await api.get(`/admin/bank-transfer/orders/${orderId}`, admin)).data
    const notifications = async (expectationId: string) => {
      const all = await getContainer()
        .resolve(Modules.NOTIFICATION)
        .listNotifications({}, { take: 1000 })
      return all.filter((x: any) =>
        x.idempotency_key?.startsWith(`bank-transfer:${expectationId}:`)
      )
    }
    /** Waits until the shopper has been told of this escalation step (its idempotency key's tail). */
    const toldOf = (expectationId: string, step: string) =>
      waitFor(
        async () =>
          (await notifications(expectationId)).find((x: any) =>
            x.idempotency_key.endsWith(`:${step}`)
          ),
        `the ${step} notification`
      )

    it("walks an unpaid order through every state on the business-day calendar, once per step", async () => {
      const { order, expectation, bt } = await orderPlacedBeforeTet()
      const container = getContainer()
      // Tết (2025-01-27 .. 01-31) and the weekends do not count: nothing is due on 2025-02-04.
      expect(
        (await escalateDueTransfers(container, at("2025-02-04T16:59:59Z")))
          .escalated
      ).toBe(0)
      expect((await status(order.id)).expectation.status).toBe(
        "awaiting_transfer"
      )

      // Due at 2025-02-05 00:00 in Hà Nội. Run twice, and twice concurrently.
      const now = at("2025-02-04T17:00:00Z")
      const runs = await Promise.all([
        escalateDueTransfers(container, now),
        escalateDueTransfers(container, now),
      ])
      expect(runs.reduce((sum, r) => sum + r.escalated, 0)).toBe(1)
      expect((await escalateDueTransfers(container, now)).escalated).toBe(0)
      let d = await status(order.id)
      expect(d.expectation.status).toBe("awaiting_customer_confirmation")
      expect(d.expectation.next_step).toBe("confirmation_2")
      expect(new Date(d.expectation.next_step_at).toISOString()).toBe(
        "2025-02-06T17:00:00.000Z"
      )

      // A day passes between steps: each step's message goes out before the next run. (A step
      // the order has already moved past is not announced: no stale "please confirm" once on hold.)
      await toldOf(expectation.id, "confirmation_1")
      await escalateDueTransfers(container, at("2025-02-06T17:00:00Z"))
      await toldOf(expectation.id, "confirmation_2")
      await escalateDueTransfers(container, at("2025-02-07T17:00:00Z"))
      await escalateDueTransfers(container, at("2025-02-07T17:00:00Z"))
      d = await status(order.id)
      expect(d.expectation.status).toBe("tentatively_canceled")
      expect(
        d.audit
          .filter((a: any) => a.action.startsWith("escalation:"))
          .map((a: any) => a.action)
      ).toEqual([
        "escalation:confirmation_1",
        "escalation:confirmation_2",
        "escalation:tentative_cancel",
      ])
      const sent = await waitFor(async () => {
        const list = await notifications(expectation.id)
        return list.length >= 4 ? list : null
      }, "notifications")
      expect(
        sent.map((x: any) => x.idempotency_key.split(":").pop()).sort()
      ).toEqual(
        ["confirmation_1", "confirmation_2", "instructions", "on_hold"].sort()
      )
      expect(
        sent.every(
          (x: any) => x.to === expectation.email && x.channel === "email"
        )
      ).toBe(true)
      const onHold = sent.find(
        (x: any) => x.template === "bank-transfer-on-hold"
      )
      expect(onHold.data.payment_url).toMatch(
        /\/bank-transfer\/pay\/[A-Za-z0-9_-]{32}$/
      )

      // The order is on hold, not cancelled in Medusa: a late payment revives it.
      const medusaOrder = (
        await api.get(`/admin/orders/${order.id}?fields=status`, admin)
      ).data.order
      expect(medusaOrder.status).not.toBe("canceled")
      await postSepay(api, sepayPayload(bt.memo, TOTAL))
      await waitFor(
        async () =>
          (await status(order.id)).expectation.status === "paid" ? true : null,
        "paid"
      )
      await waitFor(async () => {
        const list = await notifications(expectation.id)
        return (
          list.some((x: any) => x.template === "bank-transfer-revived") &&
          list.some((x: any) => x.template === "bank-transfer-paid")
        )
      }, "revived and paid messages")
    })

    it("a run that dies after committing its steps loses no message and sends none twice", async () => {
      const { expectation } = await orderPlacedBeforeTet()
      // The payment instructions go out from a subscriber after the order is placed: let them.
      await waitFor(
        async () => (await notifications(expectation.id)).length === 1 || null,
        "the payment instructions"
      )
      const container = getContainer()
      const service: any = container.resolve("bankTransfer")
      const now = at("2025-02-04T17:00:00Z")
      // The steps and their announcement commit together; then the process "dies": no wake-up.
      const claim = await service.claimDueEscalations({
        now,
        limit: 50,
        plan: () => ({
          due: ["confirmation_1"],
          next_step: "confirmation_2",
          next_step_at: at("2025-02-06T17:00:00Z"),
        }),
      })
      expect(claim.claimed.map((c: any) => c.expectation_id)).toEqual([
        expectation.id,
      ])
      expect(claim.announcement_id).toMatch(/^btann_/)
      // An announcer takes it and dies too, holding it for a second.
      const lease = await service.leaseEscalationAnnouncement({
        lease_seconds: 1,
        max_attempts: 5,
      })
      expect(lease.id).toBe(claim.announcement_id)
      expect(lease.attempts).toBe(1)
      expect(
        await service.leaseEscalationAnnouncement({
          lease_seconds: 1,
          max_attempts: 5,
        })
      ).toBeNull()
      expect(await notifications(expectation.id)).toEqual([
        expect.objectContaining({
          idempotency_key: `bank-transfer:${expectation.id}:instructions`,
        }),
      ])
      await new Promise((r) => setTimeout(r, 1200))

      // The next run finds nothing due, sees the announcement waiting and wakes the announcer.
      expect((await escalateDueTransfers(container, now)).escalated).toBe(0)
      const asked = await waitFor(async () => {
        const list = await notifications(expectation.id)
        return list.filter((x: any) =>
          x.idempotency_key.endsWith(":confirmation_1")
        ).length
          ? list
          : null
      }, "the confirmation request")
      await settle(container)
      // Run again, announce again: still one message per order and step, and the outbox is empty.
      await escalateDueTransfers(container, now)
      await announceEscalationsWorkflow(container).run({ input: {} })
      await settle(container)
      const after = await notifications(expectation.id)
      expect(
        after.map((x: any) => x.idempotency_key.split(":").pop()).sort()
      ).toEqual(["confirmation_1", "instructions"])
      expect(after.length).toBe(asked.length)
      expect(
        after.find((x: any) => x.idempotency_key.endsWith(":confirmation_1"))
          .status
      ).toBe("success")
      expect(
        await service.countEscalationAnnouncements({ max_attempts: 5 })
      ).toBe(0)
      const audit = (await status(expectation.order_id)).audit.filter(
        (a: any) => a.action.startsWith("escalation:")
      )
      expect(audit.map((a: any) => a.action)).toEqual([
        "escalation:confirmation_1",
      ])
    })

    it("speaks the shopper's language: the order's locale, else the customer's, and the merchant's texts win", async () => {
      const container = getContainer()
      const service: any = container.resolve("bankTransfer")
      const placed = async (
        email: string,
        locale?: string,
        metadata?: Record<string, unknown>
      ) => {
        const buyer = await customerHeaders(
          api,
          shop,
          email,
          metadata ? { metadata } : {}
        )
        const { order } = await placeOrder(api, shop, buyer, { locale })
        const expectation = await waitFor(async () => {
          const [e] = await service.listExpectations({ order_id: order.id })
          return e
        }, "expectation")
        return { order, expectation }
      }
      const instructionsOf = (expectationId: string) =>
        waitFor(async () => {
          const list = await notifications(expectationId)
          return list.find((x: any) =>
            x.idempotency_key.endsWith(":instructions")
          )
        }, "payment instructions")

      const vi = await placed("lang-vi@example.com", "vi", { locale: "en" })
      const en = await placed("lang-en@example.com", "en-US")
      const byCustomer = await placed("lang-cus@example.com", undefined, {
        locale: "en",
      })
      const sentVi = await instructionsOf(vi.expectation.id)
      expect(sentVi.data.locale).toBe("vi")
      expect(sentVi.data.subject).toBe(
        `Hướng dẫn chuyển khoản cho đơn hàng #${vi.order.display_id}`
      )
      expect(sentVi.data.text.replace(/\u00a0/g, " ")).toContain(
        "Vui lòng chuyển khoản 2.430.000 ₫"
      )
      const sentEn = await instructionsOf(en.expectation.id)
      expect(sentEn.data.locale).toBe("en")
      expect(sentEn.data.subject).toBe(
        `How to pay for order #${en.order.display_id} by bank transfer`
      )
      expect(sentEn.data.text.replace(/\u00a0/g, " ")).toContain(
        "Please transfer ₫2,430,000"
      )
      expect(
        (await instructionsOf(byCustomer.expectation.id)).data.locale
      ).toBe("en")

      // The merchant's subject wins, in its language only; the escalation batch speaks English too.
      const notificationOptions = (await service.loadOptions()).notifications
      const before = notificationOptions.texts
      notificationOptions.texts = {
        confirmation_requested: {
          en: {
            subject:
              "Order {{order_number}}: did you pay {{amount_remaining}}?",
          },
        },
      }
      try {
        for (const o of [vi, en]) {
          await service.updateExpectations({
            id: o.expectation.id,
            placed_at: PLACED,
            next_step: "confirmation_1",
            next_step_at: PLACED,
          })
        }
        await escalateDueTransfers(container, at("2025-02-04T17:00:00Z"))
        const asked = (id: string) =>
          waitFor(async () => {
            const list = await notifications(id)
            return list.find((x: any) =>
              x.idempotency_key.endsWith(":confirmation_1")
            )
          }, "confirmation request")
        const askedEn = await asked(en.expectation.id)
        expect(askedEn.data.subject.replace(/\u00a0/g, " ")).toBe(
          `Order ${en.order.display_id}: did you pay ₫2,430,000?`
        )
        const askedVi = await asked(vi.expectation.id)
        expect(askedVi.data.subject).toBe(
          `Bạn đã chuyển khoản cho đơn hàng #${vi.order.display_id} chưa?`
        )
      } finally {
        notificationOptions.texts = before
      }
    })

    it("never acts early, and the scheduled job stays off when the `jobs` option is off", async () => {
      const { order } = await orderPlacedBeforeTet()
      const service: any = getContainer().resolve("bankTransfer")
      const [e] = await service.listExpectations({ order_id: order.id })
      await service.updateExpectations({
        id: e.id,
        placed_at: new Date(),
        next_step_at: new Date(Date.now() - 1000),
      })
      // Due by next_step_at, but by the calendar not a single business day has passed: rescheduled.
      expect((await escalateDueTransfers(getContainer())).escalated).toBe(0)
      const after = (await status(order.id)).expectation
      expect(after.status).toBe("awaiting_transfer")
      expect(new Date(after.next_step_at).getTime()).toBeGreaterThan(Date.now())

      await service.updateExpectations({
        id: e.id,
        placed_at: PLACED,
        next_step_at: PLACED,
      })
      expect(service.getOptions().jobs).toBe(false) // BANK_TRANSFER_JOBS=off in jest.config.js
      await escalateJob(getContainer())
      expect((await status(order.id)).expectation.status).toBe(
        "awaiting_transfer"
      )
    })

    it("the shopper confirms with a proof file; wrong types, large files and other shoppers are refused", async () => {
      const { order, buyer } = await orderPlacedBeforeTet()
      const form = (file?: Buffer, name = "bien-lai.png") => {
        const f = new FormData()
        f.append("message", "Em đã chuyển khoản sáng nay")
        f.append("paid_on", "2026-11-23")
        f.append("amount", String(TOTAL))
        if (file) {
          f.append("file", new Blob([file]), name)
        }
        return f
      }
      const post = (body: FormData, headers = buyer.headers, id = order.id) =>
        api
          .post(`/store/bank-transfer/orders/${id}/confirm`, body, { headers })
          .catch((e) => e.response)

      const exe = await post(
        form(Buffer.from("MZ\x90\x00 this is not an image"), "receipt.png")
      )
      expect(exe.status).toBe(400)
      expect(exe.data.message).toContain("PNG, JPEG or PDF")
      const huge = await post(
        form(Buffer.concat([PNG, Buffer.alloc(6 * 1024 * 1024)]))
      )
      expect(huge.status).toBe(400)
      expect(huge.data.message).toContain("larger than")
      const other = await customerHeaders(api, shop, `other${n}@example.com`)
      expect((await post(form(PNG), other.headers)).status).toBe(404)
      expect((await status(order.id)).confirmations).toHaveLength(0)

      const ok = await post(form(PNG))
      expect(ok.status).toBe(201)
      const d = await status(order.id)
      expect(d.expectation.status).toBe("customer_confirmed")
      expect(d.confirmations).toHaveLength(1)
      expect(d.confirmations[0]).toMatchObject({
        message: "Em đã chuyển khoản sáng nay",
        paid_on: "2026-11-23",
      })
      const file = d.confirmations[0].files[0]
      expect(file).toMatchObject({
        filename: "bien-lai.png",
        mime_type: "image/png",
      })
      const download = await api.get(file.url, {
        ...admin,
        responseType: "arraybuffer",
      })
      expect(Buffer.from(download.data).equals(PNG)).toBe(true)
      expect((await api.get(file.url).catch((e) => e.response)).status).toBe(
        401
      )

      // Having said they paid, the shopper is not asked to confirm again: the next step is the hold.
      expect(d.expectation.next_step).toBeNull()
      // The job replans it at its next run (now): long overdue, it goes on hold without asking.
      const run = await escalateDueTransfers(getContainer(), new Date())
      expect(run.by_step).toEqual({ tentative_cancel: 1 })
      expect((await status(order.id)).expectation.status).toBe(
        "tentatively_canceled"
      )
    })

    it("the payment page opens with its token only, shows live status and takes a confirmation", async () => {
      const { expectation } = await orderPlacedBeforeTet()
      const page = await api.get(
        `/bank-transfer/pay/${expectation.page_token}?lang=vi`
      )
      expect(page.status).toBe(200)
      expect(page.headers["content-security-policy"]).toMatch(
        /default-src 'none'.*script-src 'nonce-/
      )
      expect(page.data).toContain(expectation.memo)
      expect(page.data).toContain("Nội dung chuyển khoản")
      expect(page.data).not.toContain(expectation.email)
      expect(
        (await api.get(`/bank-transfer/pay/${expectation.page_token}?lang=en`))
          .data
      ).toContain("Transfer memo")
      const wrong =
        expectation.page_token.slice(0, -1) +
        (expectation.page_token.endsWith("A") ? "B" : "A")
      expect(
        (await api.get(`/bank-transfer/pay/${wrong}`).catch((e) => e.response))
          .status
      ).toBe(404)
      expect(
        (
          await api
            .get(`/bank-transfer/pay/${wrong}/status`)
            .catch((e) => e.response)
        ).status
      ).toBe(404)
      const { data: live } = await api.get(
        `/bank-transfer/pay/${expectation.page_token}/status`
      )
      expect(live).toMatchObject({
        status: "awaiting_transfer",
        amount_remaining: String(TOTAL),
      })

      const f = new FormData()
      f.append("message", "paid from my phone")
      f.append("paid_on", "")
      // As the page shows amounts in Vietnamese.
      f.append("amount", "2.430.000 ₫")
      f.append("lang", "vi")
      // As a browser sends it: the empty file input is an empty part, which is no file.
      f.append("file", new Blob([]), "")
      const send = () =>
        api
          .post(`/bank-transfer/pay/${expectation.page_token}/confirm`, f)
          .catch((e) => e.response)
      // A double click: two identical requests at once store one confirmation.
      const [res, again] = await Promise.all([send(), send()])
      expect([res.status, again.status].sort()).toEqual([200, 201])
      expect(again.data.confirmation.id).toBe(res.data.confirmation.id)
      const stored = await status(expectation.order_id)
      expect(stored.confirmations).toHaveLength(1)
      expect(String(stored.confirmations[0].amount)).toBe(String(TOTAL))
      const bad = new FormData()
      bad.append("amount", "2.43.000")
      const refused = await api
        .post(`/bank-transfer/pay/${expectation.page_token}/confirm`, bad)
        .catch((e) => e.response)
      expect(refused.status).toBe(400)
      expect(refused.data.message).toMatch(
        /^amount: "2\.43\.000" is not an amount/
      )
      expect(
        (await api.get(`/bank-transfer/pay/${expectation.page_token}/status`))
          .data.status
      ).toBe("customer_confirmed")
    })

    it("an admin asks for confirmation with a message; holiday overrides and settings are used", async () => {
      const { order, expectation } = await orderPlacedBeforeTet()
      const { data } = await api.post(
        `/admin/bank-transfer/orders/${order.id}/request-confirmation`,
        { message: "Anh/chị vui lòng gửi biên lai" },
        admin
      )
      expect(data.expectation.status).toBe("awaiting_customer_confirmation")
      const sent = await waitFor(async () => {
        const list = await notifications(expectation.id)
        return list.find(
          (x: any) => x.template === "bank-transfer-confirmation-requested"
        )
      }, "confirmation request")
      expect(sent.data.custom_message).toBe("Anh/chị vui lòng gửi biên lai")

      const bad = await api
        .post(
          "/admin/bank-transfer/calendar-overrides",
          { date: "2025-02-30", kind: "day_off" },
          admin
        )
        .catch((e) => e.response)
      expect(bad.status).toBe(400)
      // Make Tuesday 2025-02-04 a day off: the first reminder moves one business day later.
      await api.post(
        "/admin/bank-transfer/calendar-overrides",
        { date: "2025-02-04", kind: "day_off", name: "Company holiday" },
        admin
      )
      const next = await orderPlacedBeforeTet()
      // Without the override it would be due now (2025-02-05 00:00 in Hà Nội); with it, not yet.
      await escalateDueTransfers(getContainer(), at("2025-02-04T17:00:00Z"))
      const d = await status(next.order.id)
      expect(d.expectation.status).toBe("awaiting_transfer")
      expect(new Date(d.expectation.next_step_at).toISOString()).toBe(
        "2025-02-05T17:00:00.000Z"
      )

      const settings = await api.post(
        "/admin/bank-transfer/settings",
        { tolerances: { VND: { type: "fixed", amount: "1000" } } },
        admin
      )
      expect(settings.data.settings.tolerances.VND.amount).toBe("1000")
      expect(JSON.stringify(settings.data.webhooks)).not.toContain(
        "dev-sepay-api-key-change-me"
      )
      const invalid = await api
        .post(
          "/admin/bank-transfer/settings",
          {
            policies: {
              digital: { confirmation_after: [6], tentative_cancel_after: 5 },
            },
          },
          admin
        )
        .catch((e) => e.response)
      expect(invalid.status).toBe(400)
      // The test delivery goes to the shop's public URL: here, the test server.
      const test = await withPublicUrl(
        getContainer(),
        String(api.defaults.baseURL).replace(/\/$/, ""),
        () =>
          api.post(
            "/admin/bank-transfer/webhooks/sepay/test-delivery",
            {},
            admin
          )
      )
      expect(test.data).toMatchObject({
        status: 200,
        body: { success: true, test: true },
      })
    })
  },
})
