import { readFileSync } from "fs"
import path from "path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import {
  adminHeaders,
  seedShop,
  SeededShop,
  placeBankTransferOrder,
  uploadStatement,
} from "../helpers/shop"
import { settle } from "../helpers/settle"
import {
  bookedOn,
  cassoPayload,
  postCasso,
  postGeneric,
  postSepay,
  sepayPayload,
  vietnamDate,
  vietnamDay,
  vietnamTime,
  waitFor,
} from "../helpers/webhooks"

jest.setTimeout(180 * 1000)

/**
 * Failing inputs found by trying the product as a merchant would, "DH47V"/"DH43C" standing for an
 * open order's reference. Their money is booked on 30 November 2026; the orders are placed when the
 * test runs, so the cases are read booked today (in Vietnam): money booked before an order was
 * placed never pays it.
 */
const CASES = path.join(__dirname, "fixtures")
const caseFile = (name: string, reference?: string) => {
  const text = bookedOn(readFileSync(path.join(CASES, name), "utf8"))
  return reference ? text.replace(/DH47V|DH43C/g, reference) : text
}

/**
 * One bank movement, however many channels and files report it: the money is applied once. Each
 * test would fail if a movement were applied twice (the order's received amount, the ledger's
 * count of movements) or if a statement line were lost (the stored sightings).
 */
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
    const newOrder = () =>
      placeBankTransferOrder(api, shop, `id${++n}@example.com`)
    const upload = (
      content: Buffer | string,
      name: string,
      fields: Record<string, string> = {}
    ) => uploadStatement(api, admin, content, name, fields)
    const commit = async (importId: string) =>
      (
        await api.post(
          `/admin/bank-transfer/imports/${importId}/commit`,
          {},
          admin
        )
      ).data
    const expectation = async (orderId: string) =>
      (await api.get(`/admin/bank-transfer/orders/${orderId}`, admin)).data
    const received = async (orderId: string) =>
      String((await expectation(orderId)).expectation.amount_received)
    const service = () => getContainer().resolve("bankTransfer") as any
    /** Movements (ledger transactions) of one amount: what the money is applied to. */
    const movements = async (amount: number) =>
      service().listBankTransactions({ amount, direction: "in" })
    const sightingsOf = async (transactionId: string) =>
      service().listSightings({ transaction_id: transactionId })
    const partPaid = (orderId: string) =>
      waitFor(
        async () =>
          (await expectation(orderId)).expectation.status === "partially_paid"
            ? true
            : null,
        "part payment applied"
      )

    it("SePay, then the evening's Vietcombank statement (fixtures/cross-channel-*): one movement, 1,000,000 received", async () => {
      const { order, bt } = await newOrder()
      const sepay = JSON.parse(
        caseFile("cross-channel-sepay.json", bt.reference)
      )
      expect((await postSepay(api, sepay)).status).toBe(200)
      await partPaid(order.id)
      expect(await received(order.id)).toBe("1000000")
      // The order and its expectation are linked (read-only, by order_id): one query reads both.
      const { data: linked } = await getContainer()
        .resolve("query")
        .graph({
          entity: "expectation",
          filters: { order_id: order.id },
          fields: ["id", "reference", "order.id", "order.display_id"],
        })
      expect(linked[0]).toMatchObject({
        reference: bt.reference,
        order: { id: order.id, display_id: order.display_id },
      })

      const preview = await upload(
        caseFile("cross-channel-vcb-statement.csv", bt.reference),
        "vcb-30-11.csv"
      )
      expect(preview.status).toBe(201)
      const [line] = preview.data.import.lines
      expect(line).toMatchObject({
        state: "known_other_channel",
        // The case's 09:15 in Vietnam, on the day it is read as booked.
        known_via: {
          source: "sepay",
          booked_at: new Date(`${vietnamDate()}T09:15:00+07:00`).toISOString(),
        },
      })
      expect(preview.data.import.counts).toMatchObject({
        lines: 1,
        new: 0,
        known: 1,
      })
      const committed = await commit(preview.data.import.id)
      expect(committed).toMatchObject({
        added: 0,
        import: {
          counts: { already_received: 1, possible_duplicates: 0, stored: 1 },
        },
      })

      await settle(getContainer())
      expect(await received(order.id)).toBe("1000000")
      const [movement] = await movements(1000000)
      expect(await movements(1000000)).toHaveLength(1)
      expect(
        (await sightingsOf(movement.id))
          .map((s: any) => [s.source, s.status])
          .sort()
      ).toEqual([
        ["sepay", "new_movement"],
        ["statement", "same_movement"],
      ])
    })

    it("the statement first, then SePay delivers the same transfer: applied once", async () => {
      const { order, bt } = await newOrder()
      const preview = await upload(
        caseFile("cross-channel-vcb-statement.csv", bt.reference),
        "vcb-30-11.csv"
      )
      expect(preview.data.import.lines[0].state).toBe("new")
      expect((await commit(preview.data.import.id)).added).toBe(1)
      await partPaid(order.id)

      const sepay = JSON.parse(
        caseFile("cross-channel-sepay.json", bt.reference)
      )
      const reply = await postSepay(api, { ...sepay, id: sepay.id + 1 })
      expect(reply.status).toBe(200)
      await settle(getContainer())
      expect(await received(order.id)).toBe("1000000")
      expect(await movements(1000000)).toHaveLength(1)
    })

    it("SePay and Casso reporting one transfer: applied once, in either order, even at the same moment", async () => {
      const a = await newOrder()
      // Casso's time a minute after SePay's, both after the order was placed.
      const at = new Date(Date.now() + 60_000)
      const casso = cassoPayload(
        `${a.bt.memo} chuyen khoan`,
        1500000,
        undefined,
        at
      )
      const sepay = sepayPayload(`${a.bt.memo} chuyen khoan`, 1500000, {
        transactionDate: vietnamTime(new Date(at.getTime() - 60_000)),
      })
      const replies = await Promise.all([
        postSepay(api, sepay),
        postCasso(api, casso),
      ])
      expect(replies.map((r) => r.status)).toEqual([200, 200])
      await partPaid(a.order.id)
      await settle(getContainer())
      expect(await received(a.order.id)).toBe("1500000")
      const [movement] = await movements(1500000)
      expect(await movements(1500000)).toHaveLength(1)
      expect(
        (await sightingsOf(movement.id)).map((s: any) => s.source).sort()
      ).toEqual(["casso", "sepay"])
      // The same deliveries again change nothing.
      await Promise.all([postSepay(api, sepay), postCasso(api, casso)])
      await settle(getContainer())
      expect(await movements(1500000)).toHaveLength(1)
      expect(await received(a.order.id)).toBe("1500000")
    })

    it("deliveries arriving together are recorded together, but two reports of one transfer never in one batch: 8 transfers × SePay and Casso at once, each one movement", async () => {
      // Under load the webhook routes record the deliveries that arrive meanwhile in one transaction
      // (record-reports.ts); SePay's and Casso's report of a transfer must still pair.
      const orders = await Promise.all(
        Array.from({ length: 8 }, () => newOrder())
      )
      const at = new Date(Date.now() + 60_000)
      const amountOf = (i: number) => 1_700_000 + i * 1_000
      const deliveries = orders.flatMap(({ bt }, i) => {
        const sepay = sepayPayload(`${bt.memo} ck`, amountOf(i), {
          transactionDate: vietnamTime(new Date(at.getTime() - 60_000)),
        })
        const casso = cassoPayload(`${bt.memo} ck`, amountOf(i), undefined, at)
        return [() => postSepay(api, sepay), () => postCasso(api, casso)]
      })
      // Shuffled, all at once, twice (a provider's retry arriving with the first delivery).
      const shuffled = [...deliveries, ...deliveries].sort(
        () => Math.random() - 0.5
      )
      const replies = await Promise.all(shuffled.map((send) => send()))
      expect(replies.map((r) => r.status)).toEqual(shuffled.map(() => 200))
      await settle(getContainer())
      for (const [i, { order }] of orders.entries()) {
        const [movement, ...others] = await movements(amountOf(i))
        expect(others).toHaveLength(0)
        expect(
          (await sightingsOf(movement.id)).map((s: any) => s.source).sort()
        ).toEqual(["casso", "sepay"])
        expect(await received(order.id)).toBe(String(amountOf(i)))
      }
    })

    it("two statements that overlap: the second adds only what is new; no line of either is lost", async () => {
      const { order, bt } = await newOrder()
      const header = "Ngày giao dịch;Số tiền ghi có;Nội dung;Số tham chiếu"
      // Booked on the day the order was placed, and the day after.
      const today = vietnamDay()
      const tomorrow = vietnamDay(new Date(Date.now() + 24 * 3600_000))
      const first = [
        header,
        `${today} 08:00;700.000;${bt.memo} dot 1;FT-OV-1`,
        `${today} 09:00;123.000;chuyen tien an trua;FT-OV-2`,
      ].join("\n")
      const second = [
        header,
        `${today} 09:00;123.000;chuyen tien an trua;FT-OV-2`,
        `${tomorrow} 08:00;400.000;${bt.memo} dot 2;FT-OV-3`,
      ].join("\n")
      const one = await upload(first, "week-1.csv")
      expect((await commit(one.data.import.id)).added).toBe(2)
      const two = await upload(second, "week-2.csv")
      expect(two.data.import.lines.map((l: any) => l.state)).toEqual([
        "known",
        "new",
      ])
      const committed = await commit(two.data.import.id)
      expect(committed).toMatchObject({
        added: 1,
        import: { counts: { already_received: 1, stored: 2 } },
      })
      await settle(getContainer())
      expect(await received(order.id)).toBe("1100000")
      expect(await movements(123000)).toHaveLength(1)
      const stored = await service().listSightings({
        import_id: [one.data.import.id, two.data.import.id],
      })
      expect(stored).toHaveLength(4)
    })

    it("two real payments of equal amount and memo on one day stay two, seen by SePay and in the statement", async () => {
      const { order, bt } = await newOrder()
      const memo = `${bt.memo} tra gop`
      for (const id of [1, 2]) {
        expect(
          (
            await postSepay(
              api,
              sepayPayload(memo, 600000, {
                transactionDate: `${vietnamDate()} 0${id}:00:00`,
              })
            )
          ).status
        ).toBe(200)
      }
      await settle(getContainer())
      expect(await movements(600000)).toHaveLength(2)
      const csv = [
        "Ngày giao dịch;Số tiền ghi có;Nội dung",
        `${vietnamDay()} 01:00;600.000;${memo}`,
        `${vietnamDay()} 02:00;600.000;${memo}`,
      ].join("\n")
      const preview = await upload(csv, "two-payments.csv")
      expect(preview.data.import.lines.map((l: any) => l.state)).toEqual([
        "known_other_channel",
        "known_other_channel",
      ])
      expect(
        new Set(
          preview.data.import.lines.map((l: any) => l.known_via.transaction_id)
        ).size
      ).toBe(2)
      expect((await commit(preview.data.import.id)).added).toBe(0)
      await settle(getContainer())
      const both = await movements(600000)
      expect(both).toHaveLength(2)
      for (const m of both) {
        expect(await sightingsOf(m.id)).toHaveLength(2)
      }
      expect(await received(order.id)).toBe("1200000")
    })

    it("a report that cannot be told apart is held; the accountant decides 'same' or 'different'", async () => {
      expect(
        (
          await postSepay(
            api,
            sepayPayload("chuyen tien mua hang", 888000, {
              transactionDate: "2026-11-27 10:00:00",
            })
          )
        ).status
      ).toBe(200)
      await settle(getContainer())
      const csv = [
        "Ngày giao dịch;Số tiền ghi có;Nội dung",
        "27/11/2026 15:00;888.000;IBFT NGUYEN VAN B",
        "27/11/2026 16:00;888.000;TRA TIEN HANG",
      ].join("\n")
      const preview = await upload(csv, "unsure.csv")
      expect(preview.data.import.lines.map((l: any) => l.state)).toEqual([
        "possible_duplicate",
        "new",
      ])
      expect(preview.data.import.counts).toMatchObject({
        possible_duplicates: 1,
        new: 1,
      })
      const committed = await commit(preview.data.import.id)
      expect(committed).toMatchObject({
        added: 1,
        import: { counts: { possible_duplicates: 1, stored: 2 } },
      })
      await settle(getContainer())
      expect(await movements(888000)).toHaveLength(2)

      const { data } = await api.get("/admin/bank-transfer/duplicates", admin)
      const held = data.possible_duplicates.filter(
        (d: any) => d.sighting.amount == 888000
      )
      expect(held).toHaveLength(1)
      expect(held[0]).toMatchObject({
        sighting: { memo: "IBFT NGUYEN VAN B", status: "possible_duplicate" },
        transaction: { memo: "chuyen tien mua hang" },
      })
      expect(held[0].reports.map((r: any) => r.source)).toEqual(["sepay"])

      const bad = await api
        .post(
          `/admin/bank-transfer/duplicates/${held[0].sighting.id}/resolve`,
          { same: "yes" },
          admin
        )
        .catch((e) => e.response)
      expect(bad.status).toBe(400)
      const { data: different } = await api.post(
        `/admin/bank-transfer/duplicates/${held[0].sighting.id}/resolve`,
        { same: false },
        admin
      )
      expect(different.sighting).toMatchObject({
        status: "new_movement",
        resolved_by: expect.stringContaining("admin"),
      })
      await settle(getContainer())
      expect(await movements(888000)).toHaveLength(3)
      const again = await api
        .post(
          `/admin/bank-transfer/duplicates/${held[0].sighting.id}/resolve`,
          { same: true },
          admin
        )
        .catch((e) => e.response)
      expect(again.status).toBe(400)

      // A second unsure report, answered "same transfer": nothing new.
      const other = await upload(
        [
          "Ngày giao dịch;Số tiền ghi có;Nội dung",
          "27/11/2026 18:00;888.000;KHONG RO",
        ].join("\n"),
        "unsure-2.csv"
      )
      expect(other.data.import.lines[0].state).toBe("possible_duplicate")
      await commit(other.data.import.id)
      const [next] = (await api.get("/admin/bank-transfer/duplicates", admin))
        .data.possible_duplicates
      const { data: same } = await api.post(
        `/admin/bank-transfer/duplicates/${next.sighting.id}/resolve`,
        { same: true },
        admin
      )
      expect(same.sighting).toMatchObject({
        status: "same_movement",
        transaction_id: next.transaction.id,
      })
      await settle(getContainer())
      expect(await movements(888000)).toHaveLength(3)
    })

    it("Vietcombank's bilingual export (shared case): read without a mapping, balances checked, the footer left out, the order paid", async () => {
      const { order, bt } = await newOrder()
      const preview = await upload(
        caseFile("vcb-bilingual-headers.csv").replace(/DH39A/g, bt.reference),
        "sao-ke-vcb.csv"
      )
      expect(preview.status).toBe(201)
      expect(preview.data.import.preset).toBe("VCB")
      expect(preview.data.import.accounts).toEqual([
        expect.objectContaining({
          account: "0071000123456",
          opening: "42892241",
          closing: "45300241",
        }),
      ])
      expect(
        preview.data.import.lines.map((l: any) => [
          l.direction,
          l.amount,
          l.outcome ?? null,
        ])
      ).toEqual([
        ["in", "2430000", "apply"],
        ["out", "22000", "ignore"],
      ])
      await commit(preview.data.import.id)
      await waitFor(
        async () =>
          (await expectation(order.id)).expectation.status === "paid"
            ? true
            : null,
        "paid by the Vietcombank export"
      )
      expect(await received(order.id)).toBe("2430000")
    })

    it("camt.053: a reference only in EndToEndId pays the order; an entry split into transaction details stores each", async () => {
      const { order, bt } = await newOrder()
      const preview = await upload(
        caseFile("camt053-reference-in-endtoendid.xml", bt.reference),
        "camt.xml"
      )
      expect(preview.status).toBe(201)
      expect(preview.data.import.lines[0]).toMatchObject({
        outcome: "apply",
        payer_reference: bt.reference,
      })
      await commit(preview.data.import.id)
      await waitFor(
        async () =>
          (await expectation(order.id)).expectation.status === "paid"
            ? true
            : null,
        "paid by EndToEndId"
      )
      expect(await received(order.id)).toBe("2430000")

      // One batch entry of 3,000,000 paying two orders, each detail with its own amount and reference.
      const x = await newOrder()
      const y = await newOrder()
      const detail = (amount: number, ref: string, id: string) =>
        `<TxDtls><Refs><AcctSvcrRef>${id}</AcctSvcrRef></Refs><AmtDtls><TxAmt><Amt Ccy="VND">${amount}</Amt></TxAmt></AmtDtls><RmtInf><Ustrd>${ref}</Ustrd></RmtInf></TxDtls>`
      const split = caseFile("camt053-reference-in-endtoendid.xml")
        .replace(
          /<Amt Ccy="VND">2430000<\/Amt>/g,
          '<Amt Ccy="VND">3000000</Amt>'
        )
        .replace(
          /<NtryDtls>.*<\/NtryDtls>/s,
          `<NtryDtls>${detail(1000000, x.bt.memo, "SPLIT-1")}${detail(2000000, y.bt.memo, "SPLIT-2")}</NtryDtls>`
        )
      const parsed = await upload(split, "camt-split.xml")
      expect(parsed.status).toBe(201)
      expect(
        parsed.data.import.lines.map((l: any) => [l.amount, l.state])
      ).toEqual([
        ["1000000", "new"],
        ["2000000", "new"],
      ])
      const done = await commit(parsed.data.import.id)
      expect(done).toMatchObject({
        added: 2,
        import: { counts: { stored: 2 } },
      })
      expect(done.import.counts.sums).toEqual([
        {
          status: "new_movement",
          currency_code: "VND",
          lines: 2,
          total: "3000000",
        },
      ])
      await settle(getContainer())
      expect(await received(x.order.id)).toBe("1000000")
      expect(await received(y.order.id)).toBe("2000000")
    })

    it("amounts finer than the currency allows are refused with a 400 naming the field; nothing is stored", async () => {
      const { order, bt } = await newOrder()
      const before = (
        await api.get("/admin/bank-transfer/transactions?limit=1", admin)
      ).data.count
      const sim = await api.post(
        "/admin/bank-transfer/simulate",
        {
          memo: "chuyen tien",
          amount: "1000000",
          currency: "VND",
          direction: "in",
        },
        admin
      )
      const txId = sim.data.transaction.id
      const match = await api
        .post(
          `/admin/bank-transfer/transactions/${txId}/match`,
          { allocations: [{ order_id: order.id, amount: "1000.5" }] },
          admin
        )
        .catch((e) => e.response)
      expect(match.status).toBe(400)
      expect(match.data.message).toContain(
        "allocations.0.amount: 1000.5 has more decimals than VND allows (0)"
      )
      expect((await expectation(order.id)).allocations).toHaveLength(0)

      const generic = await postGeneric(api, {
        transactions: [
          {
            id: "frac-1",
            amount: "2430000.5",
            currency: "VND",
            direction: "in",
            memo: bt.memo,
            booked_at: "2026-11-28T10:00:00+07:00",
            account: "0071000123456",
          },
        ],
      })
      expect(generic.status).toBe(400)
      expect(generic.data.message).toContain(
        "2430000.5 has more decimals than VND allows (0)"
      )

      const csv = await upload(
        [
          "Ngày giao dịch;Số tiền ghi có;Nội dung",
          `28/11/2026;1.250.000,50;${bt.memo}`,
        ].join("\n"),
        "fraction.csv"
      )
      expect(csv.status).toBe(400)
      expect(csv.data.message).toContain("more decimals than VND allows")

      const confirm = await api.get(
        `/admin/bank-transfer/orders/${order.id}`,
        admin
      )
      expect(confirm.status).toBe(200)
      await settle(getContainer())
      expect(
        (await api.get("/admin/bank-transfer/transactions?limit=1", admin)).data
          .count
      ).toBe(before + 1)
    })

    it("a transaction whose matching keeps failing is parked after 5 runs and listed; retry runs it again", async () => {
      const sim = await api.post(
        "/admin/bank-transfer/simulate",
        {
          memo: "tien vao",
          amount: "345000",
          currency: "VND",
          direction: "in",
        },
        admin
      )
      const id = sim.data.transaction.id
      await settle(getContainer())
      const svc = service()
      await svc.updateBankTransactions({ id, reconciled_at: null })
      for (let i = 1; i <= 5; i++) {
        const parked = await svc.recordMatchingFailure({
          transaction_id: id,
          error: `boom ${i}`,
          max_attempts: 5,
        })
        expect(parked).toBe(i === 5)
      }
      const { data } = await api.get(
        "/admin/bank-transfer/transactions?needs_attention=true",
        admin
      )
      expect(
        data.transactions.map((t: any) => [
          t.id,
          t.match_attempts,
          t.match_error,
        ])
      ).toEqual([[id, 5, "boom 5"]])
      // The sweep leaves it alone.
      const { reconcilePendingTransactionsWorkflow } =
        await import("../../src/workflows/match/reconcile-pending-transactions")
      const { result } = await reconcilePendingTransactionsWorkflow(
        getContainer()
      ).run({ input: {} })
      expect(result).toBe(0)
      const { data: retried } = await api.post(
        `/admin/bank-transfer/transactions/${id}/retry`,
        {},
        admin
      )
      expect(retried.transaction).toMatchObject({
        needs_attention_at: null,
        match_attempts: 0,
        reconciled_at: expect.any(String),
      })
      const twice = await api
        .post(`/admin/bank-transfer/transactions/${id}/retry`, {}, admin)
        .catch((e) => e.response)
      expect(twice.status).toBe(400)
    })
  },
})
