import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { parse } from "csv-parse/sync"
import {
  adminHeaders,
  placeBankTransferOrder,
  seedShop,
  SeededShop,
  uploadStatement,
} from "../helpers/shop"
import { settle } from "../helpers/settle"
import {
  postSepay,
  sepayPayload,
  vietnamDate,
  vietnamDay,
  waitFor,
} from "../helpers/webhooks"

// read-excel-file ships CommonJS for Node under "read-excel-file/node"; its typings are ESM-only.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { readSheet } = require("read-excel-file/node") as {
  readSheet(input: Buffer): Promise<unknown[][]>
}

jest.setTimeout(240 * 1000)

const TOTAL = 2400000 + 30000 // the digital product plus shipping
const ACCOUNT = "0071000123456"
const HEADER = [
  "Booked date",
  "Account",
  "Counterparty name",
  "Counterparty account",
  "Memo",
  "Direction",
  "Movement amount",
  "Allocated to order",
  "Currency",
  "Order",
  "Order ID",
  "Customer",
  "Tax code",
  "State",
  "Reference",
  "Source",
  "Transaction ID",
]
const UNMATCHED_MEMO = "Chuyển tiền nhà – Đặng Thị Ánh gửi"

/**
 * The accountant's ledger: the detail of one movement (the orders it paid, every report of it),
 * the list's filters, and the export for the books in CSV and XLSX.
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
      placeBankTransferOrder(api, shop, `ledger${++n}@example.com`)
    const expectationOf = async (orderId: string) =>
      (await api.get(`/admin/bank-transfer/orders/${orderId}`, admin)).data
    const list = (query: string) =>
      api
        .get(`/admin/bank-transfer/transactions?limit=200&${query}`, admin)
        .catch((e) => e.response)

    /**
     * Two orders paid by one SePay transfer (memo with diacritics), the same transfer seen again as
     * a line of a statement file, and an unmatched line of that file.
     */
    async function scenario() {
      const a = await newOrder()
      const b = await newOrder()
      const memo = `Thanh toán đơn hàng ${a.bt.reference} ${b.bt.reference}`
      const sepay = sepayPayload(memo, TOTAL * 2)
      expect((await postSepay(api, sepay)).status).toBe(200)
      for (const o of [a, b]) {
        await waitFor(
          async () =>
            (await expectationOf(o.order.id)).expectation.status === "paid"
              ? true
              : null,
          "order paid"
        )
      }
      const day = vietnamDay()
      const csv = [
        "Ngày giao dịch;Số tham chiếu;Số tiền ghi nợ;Số tiền ghi có;Mô tả",
        `${day} 09:15;LEDGER-A;;${(TOTAL * 2).toLocaleString("de-DE")};"${sepay.referenceCode}.${memo}.CT tu 0011004123456 toi ${ACCOUNT}"`,
        `${day} 10:00;LEDGER-B;;777.000;"${UNMATCHED_MEMO}"`,
      ].join("\n")
      const preview = await uploadStatement(api, admin, csv, "sao-ke-thang.csv")
      expect(preview.status).toBe(201)
      await api.post(
        `/admin/bank-transfer/imports/${preview.data.import.id}/commit`,
        {},
        admin
      )
      await settle(getContainer())
      const { data } = await list(`q=${a.bt.reference}`)
      expect(data.transactions).toHaveLength(1)
      const split = data.transactions[0]
      const { data: other } = await list(
        `q=${encodeURIComponent("Đặng Thị Ánh")}`
      )
      expect(other.transactions).toHaveLength(1)
      const unmatched = other.transactions[0]
      return { a, b, memo, split, unmatched }
    }

    it("detail: one request gives the movement, the orders it paid with display ids, and every report of it with its file", async () => {
      const { a, b, memo, split } = await scenario()
      const { data } = await api.get(
        `/admin/bank-transfer/transactions/${split.id}`,
        admin
      )
      expect(data.transaction).toMatchObject({
        id: split.id,
        memo,
        status: "matched",
        account: ACCOUNT,
        source: "sepay",
      })
      expect(data.transaction.raw).toMatchObject({ content: memo })
      expect(
        data.allocations
          .map((x: any) => [
            x.order_id,
            x.order_display_id,
            Number(x.amount),
            x.reversed_at,
          ])
          .sort()
      ).toEqual(
        [
          [a.order.id, String(a.order.display_id), TOTAL, null],
          [b.order.id, String(b.order.display_id), TOTAL, null],
        ].sort()
      )
      expect(
        data.sightings.map((s: any) => [s.source, s.status, s.import_file_name])
      ).toEqual([
        ["sepay", "new_movement", null],
        ["statement", "same_movement", "sao-ke-thang.csv"],
      ])
      expect(data.sightings[1].line).toEqual(expect.stringMatching(/\d/))

      // The list names the orders a matched movement paid.
      expect(split.orders.map((o: any) => o.display_id).sort()).toEqual(
        [String(a.order.display_id), String(b.order.display_id)].sort()
      )
    })

    it("filters: state, period in the shop's days, account, exact amounts; bad input is a 400 that says why", async () => {
      const { split, unmatched } = await scenario()
      const ids = async (query: string) => {
        const res = await list(query)
        expect(res.status).toBe(200)
        return res.data.transactions.map((t: any) => t.id)
      }
      const today = vietnamDate()
      const tomorrow = vietnamDate(new Date(Date.now() + 86_400_000))
      const yesterday = vietnamDate(new Date(Date.now() - 86_400_000))

      expect(await ids("status=matched")).toContain(split.id)
      expect(await ids("status=matched")).not.toContain(unmatched.id)
      expect(await ids("status=unmatched")).toEqual([unmatched.id])
      expect((await ids("status=unmatched&status=matched")).sort()).toEqual(
        [split.id, unmatched.id].sort()
      )

      expect((await ids(`from=${today}&to=${today}`)).sort()).toEqual(
        [split.id, unmatched.id].sort()
      )
      expect(await ids(`from=${tomorrow}`)).toEqual([])
      expect(await ids(`to=${yesterday}`)).toEqual([])

      expect((await ids(`account=${ACCOUNT}`)).sort()).toEqual(
        [split.id, unmatched.id].sort()
      )
      expect(await ids("account=9999999999")).toEqual([])

      expect(await ids("min_amount=777000&max_amount=777000")).toEqual([
        unmatched.id,
      ])
      expect(await ids("min_amount=777000.01")).toEqual([split.id])
      expect(await ids(`min_amount=${TOTAL * 2}&currency_code=VND`)).toEqual([
        split.id,
      ])

      const bad = async (query: string, message: RegExp) => {
        const res = await list(query)
        expect(res.status).toBe(400)
        expect(res.data.message).toMatch(message)
      }
      await bad("min_amount=1000.5&currency_code=VND", /more decimals than VND/)
      await bad("min_amount=abc", /positive amount/)
      await bad("min_amount=900&max_amount=800", /min_amount must not be above/)
      await bad("from=2026-02-30", /not a real date/)
      await bad("to=yesterday", /YYYY-MM-DD/)
      await bad("to=2026-02-30T10:00:00Z", /YYYY-MM-DD/)
      await bad("status=paid", /status/)
      await bad("currency_code=VNDX", /currency/)
    })

    it("export: one row per order paid, one for a movement paying none, exact amounts and Vietnamese text, in CSV and XLSX", async () => {
      const { a, b, memo, split, unmatched } = await scenario()
      const today = vietnamDate()
      const url = (q: string) =>
        `/admin/bank-transfer/exports/transactions?${q}`

      const csvRes = await api.get(
        url(`from=${today}&to=${today}&format=csv`),
        {
          ...admin,
          responseType: "arraybuffer",
        }
      )
      expect(csvRes.status).toBe(200)
      expect(csvRes.headers["content-type"]).toMatch(/^text\/csv/)
      expect(csvRes.headers["content-disposition"]).toBe(
        `attachment; filename="bank-transactions_${today}_${today}.csv"`
      )
      const bytes = Buffer.from(csvRes.data)
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      const rows: string[][] = parse(bytes, { bom: true })
      expect(rows[0]).toEqual(HEADER)
      const byOrder = (r: unknown[]) => String(r[9] ?? "")
      const ours = (all: unknown[][]) =>
        all
          .slice(1)
          .filter((r) => [split.id, unmatched.id].includes(r[16] as string))
          .sort((x, y) => byOrder(x).localeCompare(byOrder(y)))
      const expected = (amountCell: (v: string) => unknown, empty: unknown) => {
        const order = (o: typeof a) => [
          today,
          ACCOUNT,
          empty,
          empty,
          memo,
          "in",
          amountCell(String(TOTAL * 2)),
          amountCell(String(TOTAL)),
          "VND",
          String(o.order.display_id),
          o.order.id,
          o.order.email,
          empty,
          "matched",
          o.bt.reference,
          "sepay",
          split.id,
        ]
        return [
          [
            today,
            ACCOUNT,
            empty,
            empty,
            UNMATCHED_MEMO,
            "in",
            amountCell("777000"),
            empty,
            "VND",
            empty,
            empty,
            empty,
            empty,
            "unmatched",
            empty,
            "statement",
            unmatched.id,
          ],
          ...[a, b]
            .map(order)
            .sort((x, y) => byOrder(x).localeCompare(byOrder(y))),
        ].sort((x, y) => byOrder(x).localeCompare(byOrder(y)))
      }
      expect(ours(rows)).toEqual(expected((v) => v, ""))

      const xlsxRes = await api.get(
        url(`from=${today}&to=${today}&format=xlsx`),
        { ...admin, responseType: "arraybuffer" }
      )
      expect(xlsxRes.status).toBe(200)
      expect(xlsxRes.headers["content-disposition"]).toBe(
        `attachment; filename="bank-transactions_${today}_${today}.xlsx"`
      )
      const sheet = await readSheet(Buffer.from(xlsxRes.data))
      expect(sheet[0]).toEqual(HEADER)
      // VND has no decimals: amounts are number cells, and exactly the amounts.
      expect(ours(sheet)).toEqual(expected((v) => Number(v), null))

      // A day without movements: the header alone.
      const empty = await api.get(url("from=2020-01-01&to=2020-01-31"), {
        ...admin,
        responseType: "arraybuffer",
      })
      expect(parse(Buffer.from(empty.data), { bom: true })).toEqual([HEADER])
    })

    it("export: bad periods and formats are a 400 with a message, and it needs an admin", async () => {
      const get = (q: string, auth = true) =>
        api
          .get(
            `/admin/bank-transfer/exports/transactions?${q}`,
            auth ? admin : {}
          )
          .catch((e) => e.response)
      const refused = async (q: string, message: RegExp) => {
        const res = await get(q)
        expect(res.status).toBe(400)
        expect(res.data.message).toMatch(message)
      }
      await refused("to=2026-11-30", /from/)
      await refused(
        "from=2026-11-30&to=2026-11-01",
        /from must be on or before to/
      )
      // 366 days, both included, is the longest period; one more day is refused.
      expect((await get("from=2025-01-01&to=2026-01-01")).status).toBe(200)
      await refused("from=2025-01-01&to=2026-01-02", /at most 366 days/)
      await refused("from=2026-02-30&to=2026-03-01", /not a real date/)
      await refused("from=30/11/2026&to=2026-12-01", /YYYY-MM-DD/)
      await refused("from=2026-11-01&to=2026-11-30&format=pdf", /format/)
      expect((await get("from=2026-11-01&to=2026-11-30", false)).status).toBe(
        401
      )
    })
  },
})
