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
  postSepay,
  sepayPayload,
  vietnamDate,
  vietnamDay,
  waitFor,
} from "../helpers/webhooks"

jest.setTimeout(180 * 1000)

const TOTAL = 2400000 + 30000
const fixture = (name: string) =>
  readFileSync(
    path.join(
      __dirname,
      "../../src/lib/ingest/statements/__tests__/fixtures",
      name
    )
  )
const vnd = (n: number) => n.toLocaleString("de-DE") // 2.430.000, as Vietnamese exports print it

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
      placeBankTransferOrder(api, shop, `imp${++n}@example.com`)
    const upload = (
      content: Buffer | string,
      name: string,
      fields: Record<string, string> = {}
    ) => uploadStatement(api, admin, content, name, fields)
    const ledgerCount = async () =>
      (await api.get("/admin/bank-transfer/transactions?limit=1", admin)).data
        .count
    const expectation = async (orderId: string) =>
      (await api.get(`/admin/bank-transfer/orders/${orderId}`, admin)).data

    it("upload → preview → commit: orders are captured or suggested as with webhooks; re-import adds nothing", async () => {
      const a = await newOrder()
      const b = await newOrder()
      const nearMiss =
        b.bt.reference.slice(0, -1) + (b.bt.reference.endsWith("A") ? "B" : "A")
      // Booked today (in Vietnam): money booked before an order was placed never pays it.
      const day = vietnamDay()
      const csv = [
        "NGAN HANG TMCP NGOAI THUONG VIET NAM;;;;",
        "Số tài khoản: 0071000123456;;;;",
        ";;;;",
        "Ngày giao dịch;Số tham chiếu;Số tiền ghi nợ;Số tiền ghi có;Mô tả",
        `${day} 09:15;REF-A;;${vnd(TOTAL)};"MBVCB.3278907687.${a.bt.memo}.CT tu 0011004123456 toi 0071000123456"`,
        `${day} 10:00;REF-B;;${vnd(TOTAL)};"thanh toan ${nearMiss}"`,
        `${day};REF-C;11.000;;Phi quan ly tai khoan`,
        `${day};REF-D;;777.000;chuyen tien nha`,
      ].join("\n")
      const before = await ledgerCount()
      const preview = await upload(csv, "sao-ke-vcb.csv")
      expect(preview.status).toBe(201)
      const imp = preview.data.import
      expect(imp).toMatchObject({
        format: "csv",
        status: "previewed",
        counts: {
          lines: 4,
          incoming: 3,
          outgoing: 1,
          new: 4,
          known: 0,
          would_apply: 1,
          would_suggest: 1,
        },
      })
      expect(
        imp.lines.map((l: any) => [l.external_id, l.state, l.outcome])
      ).toEqual([
        ["REF-A", "new", "apply"],
        ["REF-B", "new", "suggest"],
        ["REF-C", "new", "ignore"],
        ["REF-D", "new", "unmatched"],
      ])
      expect(await ledgerCount()).toBe(before)

      const { data: committed } = await api.post(
        `/admin/bank-transfer/imports/${imp.id}/commit`,
        {},
        admin
      )
      expect(committed).toMatchObject({
        added: 4,
        import: { status: "committed" },
      })
      await waitFor(
        async () =>
          (await expectation(a.order.id)).expectation.status === "paid"
            ? true
            : null,
        "order A paid"
      )
      await waitFor(
        async () =>
          (await expectation(b.order.id)).suggestions.length ? true : null,
        "order B suggested"
      )
      // The expectation is paid when the allocation commits; Medusa's capture is the workflow's next step.
      const paymentStatus = async () =>
        (
          await api.get(
            `/admin/orders/${a.order.id}?fields=payment_status`,
            admin
          )
        ).data.order.payment_status
      await waitFor(
        async () => ((await paymentStatus()) === "captured" ? true : null),
        "order A captured"
      )
      expect(await paymentStatus()).toBe("captured")

      // Again: committing twice, or the same file once more, adds nothing.
      expect(
        (
          await api.post(
            `/admin/bank-transfer/imports/${imp.id}/commit`,
            {},
            admin
          )
        ).data.added
      ).toBe(0)
      const again = await upload(csv, "sao-ke-vcb.csv")
      expect(again.data.import.counts).toMatchObject({ new: 0, known: 4 })
      expect(
        (
          await api.post(
            `/admin/bank-transfer/imports/${again.data.import.id}/commit`,
            {},
            admin
          )
        ).data.added
      ).toBe(0)
      expect(await ledgerCount()).toBe(before + 4)

      const { data: history } = await api.get(
        "/admin/bank-transfer/imports",
        admin
      )
      expect(
        history.imports.slice(0, 2).map((i: any) => [i.file_name, i.status])
      ).toEqual([
        ["sao-ke-vcb.csv", "committed"],
        ["sao-ke-vcb.csv", "committed"],
      ])
      expect(history.imports[0].uploaded_by).toEqual(expect.any(String))
    })

    it("a statement overlapping webhook deliveries adds only what is new", async () => {
      const c = await newOrder()
      await postSepay(
        api,
        sepayPayload(c.bt.memo, TOTAL, {
          transactionDate: `${vietnamDate()} 08:00:00`,
        })
      )
      await waitFor(
        async () =>
          (await expectation(c.order.id)).expectation.status === "paid"
            ? true
            : null,
        "paid by webhook"
      )
      const before = await ledgerCount()
      const csv = [
        "Ngày giao dịch;Số tiền ghi có;Nội dung;Số tham chiếu",
        `${vietnamDay()} 08:00;${vnd(TOTAL)};${c.bt.memo};FT-XYZ-1`,
        `${vietnamDay()} 11:00;${vnd(300000)};chuyen tien;FT-XYZ-2`,
      ].join("\n")
      const { data } = await upload(csv, "overlap.csv")
      expect(data.import.lines.map((l: any) => l.state)).toEqual([
        "known_other_channel",
        "new",
      ])
      expect(
        (
          await api.post(
            `/admin/bank-transfer/imports/${data.import.id}/commit`,
            {},
            admin
          )
        ).data.added
      ).toBe(1)
      expect(await ledgerCount()).toBe(before + 1)
      expect((await expectation(c.order.id)).allocations).toHaveLength(1)
    })

    it("a line booked the day before the order was placed is not matched to it; the same line dated that day is", async () => {
      const d = await newOrder()
      const yesterday = vietnamDay(new Date(Date.now() - 24 * 3600_000))
      const csv = [
        "Ngày giao dịch;Số tiền ghi có;Nội dung;Số tham chiếu",
        `${yesterday};${vnd(TOTAL)};${d.bt.memo};FT-BEFORE-1`,
      ].join("\n")
      const before = await upload(csv, "hom-qua.csv")
      expect(before.status).toBe(201)
      expect(before.data.import.lines[0].outcome).toBe("unmatched")
      const { data } = await upload(
        csv.replace(yesterday, vietnamDay()),
        "hom-nay.csv"
      )
      expect(data.import.lines[0].outcome).toBe("apply")
      // Neither file was committed: the order still awaits its transfer.
      expect((await expectation(d.order.id)).expectation.status).toBe(
        "awaiting_transfer"
      )
    })

    it("CAMT.053, MT940 and OFX statements of the shop's account import the same way", async () => {
      // The demo shop has one VND account: the fixture's second (USD) account is left out.
      const camt = fixture("camt053.xml")
        .toString()
        .replace(/<Stmt>\s*<Id>VCB-USD[\s\S]*?<\/Stmt>/, "")
      const files: [string, Buffer, number][] = [
        ["camt053.xml", Buffer.from(camt), 4],
        ["statement.mt940", fixture("statement.mt940"), 3],
        ["statement.ofx", fixture("statement.ofx"), 2],
      ]
      for (const [name, content, lines] of files) {
        const res = await upload(content, name)
        expect(res.status).toBe(201)
        expect(res.data.import.counts.lines).toBe(lines)
      }
    })

    it("a file with an unreadable line: previewed with it listed, committed without it only when acknowledged", async () => {
      const before = await ledgerCount()
      const csv = [
        "Ngày giao dịch;Số tham chiếu;Số tiền ghi có;Nội dung",
        "25/11/2026 09:00;FT-BAD-1;123.000;chuyen tien mot",
        "31/02/2026 09:30;FT-BAD-2;456.000;chuyen tien hai",
        "25/11/2026 10:00;FT-BAD-3;789.000;chuyen tien ba",
      ].join("\n")
      const preview = await upload(csv, "one-bad-row.csv")
      expect(preview.status).toBe(201)
      const imp = preview.data.import
      const rejected = [
        {
          line: "row 3",
          message: 'date: "31/02/2026 09:30" is not a real date',
        },
      ]
      expect(imp.rejected_lines).toEqual(rejected)
      expect(imp.counts).toMatchObject({ lines: 2, new: 2, rejected: 1 })
      expect(imp.lines.map((l: any) => l.external_id)).toEqual([
        "FT-BAD-1",
        "FT-BAD-3",
      ])
      const stored = (
        await api.get(`/admin/bank-transfer/imports/${imp.id}`, admin)
      ).data.import
      expect(stored.rejected_lines).toEqual(rejected)

      const commit = (body: object) =>
        api
          .post(`/admin/bank-transfer/imports/${imp.id}/commit`, body, admin)
          .catch((e) => e.response)
      for (const body of [
        {},
        { skip_rejected_lines: false },
        { skip_rejected_lines: "yes" },
        { skip_rejected_lines: true, extra: 1 },
      ]) {
        const refused = await commit(body)
        expect({ body, status: refused.status }).toEqual({ body, status: 400 })
      }
      const refused = await commit({})
      expect(refused.data.message).toBe(
        'one-bad-row.csv: 1 line(s) could not be read and would be left out (row 3: date: "31/02/2026 09:30" is not a real date). To record the other lines without them, commit with "skip_rejected_lines": true.'
      )
      expect(await ledgerCount()).toBe(before)
      expect(
        (await api.get(`/admin/bank-transfer/imports/${imp.id}`, admin)).data
          .import.status
      ).toBe("previewed")

      const ok = await commit({ skip_rejected_lines: true })
      expect(ok.status).toBe(200)
      expect(ok.data).toMatchObject({
        added: 2,
        import: {
          status: "committed",
          counts: { added: 2, stored: 2, rejected: 1, left_out: 1 },
          rejected_lines: rejected,
        },
      })
      expect(await ledgerCount()).toBe(before + 2)
      // Only the readable lines reached the ledger; the audit names the line left out.
      const service: any = getContainer().resolve("bankTransfer")
      const amounts = (
        await service.listBankTransactions({ import_id: imp.id })
      )
        .map((t: any) => Number(t.amount))
        .sort((a: number, b: number) => a - b)
      expect(amounts).toEqual([123000, 789000])
      const audit = (
        await service.listAuditEvents({ action: "statement_committed" })
      ).find((a: any) => a.data?.import_id === imp.id)
      expect(audit).toMatchObject({
        message:
          "one-bad-row.csv: 2 new line(s), 1 unreadable line(s) left out",
        data: { left_out: rejected },
      })
    })

    it("refuses hostile and broken files with the line at fault, storing nothing", async () => {
      const before = await ledgerCount()
      const imports = (await api.get("/admin/bank-transfer/imports", admin))
        .data.count
      const bomb = `<?xml version="1.0"?>\n<!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<Document><BkToCstmrStmt>&b;</BkToCstmrStmt></Document>`
      const cases: [Buffer | string, string, RegExp][] = [
        [bomb, "bomb.xml", /line 2: <!DOCTYPE> is not allowed/],
        [
          "Ngày giao dịch;Số tiền ghi có;Nội dung\n23/11/2026;1.000;\"=cmd|' /C calc'!A0\"\n",
          "evil.csv",
          /row 2.*formula injection/,
        ],
        [
          Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0xff, 0xfe, 1, 2, 3]),
          "garbage.xlsx",
          /not a readable XLSX/,
        ],
        [Buffer.from([0x41, 0x42, 0x00, 0x43]), "binary.csv", /binary content/],
        [
          Buffer.from(
            fixture("camt053.xml")
              .toString()
              .replace(/0071000123456/g, "9999999999")
          ),
          "other.xml",
          /9999999999 is not one of the shop's receiving accounts/,
        ],
        [
          Buffer.from(
            fixture("statement.mt940")
              .toString()
              .replace("13669000,", "13669001,")
          ),
          "bad.mt940",
          /balances do not add up/,
        ],
        [
          "Ngày giao dịch;Số tiền ghi có;Nội dung\n23/11/2026;mot;ok\n24/11/2026;nhieu;x\n",
          "typo.csv",
          /no transaction line could be read: row 2: credit: "mot" is not an amount; row 3: credit: "nhieu" is not an amount/,
        ],
        [
          "Số dư đầu kỳ;1.000.000\nNgày giao dịch;Số tiền ghi có;Nội dung\n23/11/2026;1.000;ok\n24/11/2026;nhieu;x\nSố dư cuối kỳ;;1.501.000\n",
          "needs-the-bad-row.csv",
          /balances do not add up.*without its unreadable line\(s\): row 4: credit: "nhieu" is not an amount/,
        ],
        [Buffer.alloc(11 * 1024 * 1024, 0x41), "huge.csv", /larger than/],
      ]
      for (const [content, name, message] of cases) {
        const res = await upload(content, name)
        expect({ name, status: res.status }).toEqual({ name, status: 400 })
        expect(res.data.message).toMatch(message)
      }
      const noFile = await api
        .post("/admin/bank-transfer/imports", new FormData(), admin)
        .catch((e) => e.response)
      expect(noFile.status).toBe(400)
      const badMapping = await upload("a;b\n", "x.csv", {
        mapping: "{not json",
      })
      expect(badMapping.status).toBe(400)
      expect(await ledgerCount()).toBe(before)
      expect(
        (await api.get("/admin/bank-transfer/imports", admin)).data.count
      ).toBe(imports)
    })
  },
})
