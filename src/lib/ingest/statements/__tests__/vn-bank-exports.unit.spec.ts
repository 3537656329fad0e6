/**
 * Vietnamese banks' CSV/XLSX statement exports: bilingual headers ("Vietnamese/ English", or on two
 * lines), title blocks, totals and closing-balance footers, zero-amount rows, and the bank layouts
 * of presets.ts recognised from the header row. Every file here is written for the test, shaped like
 * the bank's export.
 */
import { readFileSync } from "fs"
import path from "path"
import writeXlsxFile from "write-excel-file/node"
import { parseStatement, StatementError } from "../index"
import { BANK_PRESETS } from "../presets"
import { extractIdentifiers } from "../../../match/memo"

const MAX = 1024 * 1024
const parse = (text: string | Buffer, opts: Record<string, unknown> = {}) =>
  parseStatement(Buffer.isBuffer(text) ? text : Buffer.from(text), {
    maxBytes: MAX,
    ...opts,
  })
const pick = (l: any) => [
  l.line,
  l.booked_at.toISOString(),
  l.direction,
  l.amount,
  l.external_id,
  l.memo,
]
// Midnight in Vietnam (UTC+7) of a dd/mm/yyyy date.
const vnDay = (d: string) => {
  const [dd, mm, yyyy] = d.split("/")
  return new Date(Date.UTC(+yyyy, +mm - 1, +dd) - 7 * 3600e3).toISOString()
}

describe("Vietcombank statement with bilingual headers (shared case)", () => {
  const file = readFileSync(
    path.join(__dirname, "fixtures", "vcb-bilingual-headers.csv")
  )

  it("reads its two transactions, its account and checked balances, without a mapping", async () => {
    const s = await parse(file, {
      fileName: "sao-ke.csv",
      expectedAccounts: ["0071000123456"],
    })
    expect(s.preset).toBe("VCB")
    expect(s.lines.map(pick)).toEqual([
      [
        "row 7",
        vnDay("30/11/2026"),
        "in",
        "2430000",
        "5254 - 06356",
        "IBBIZ6076649616.017669.NGUYEN VAN A thanh toan DH39A",
      ],
      [
        "row 8",
        vnDay("30/11/2026"),
        "out",
        "22000",
        "5254 - 06357",
        "Thu phi dich vu SMS Banking",
      ],
    ])
    expect(s.accounts).toEqual([
      {
        account: "0071000123456",
        currency: "VND",
        opening: "42892241",
        closing: "45300241",
      },
    ])
    expect(s.warnings).toBeUndefined()
    // The incoming line names order DH39 and nothing the bank added.
    const ids = extractIdentifiers(s.lines[0].memo, { prefixes: ["DH"] })
    expect(ids.references.map((r) => r.body)).toEqual(["DH39"])
    expect(ids.orderNumbers).toEqual(["39"])
  })

  it("is refused when its balances do not add up", async () => {
    const altered = file
      .toString()
      .replace('"2,430,000","45,322,241"', '"2,431,000","45,322,241"')
    const e = await parse(altered).catch((x) => x)
    expect(e).toBeInstanceOf(StatementError)
    expect(e.message).toMatch(/balances do not add up/)
  })

  it("belongs to its account: another shop's account refuses it", async () => {
    await expect(
      parse(file, { expectedAccounts: ["0071000999888"] })
    ).rejects.toThrow(
      /0071000123456 is not one of the shop's receiving accounts/
    )
  })

  it("the VCB preset fits it too", async () => {
    const s = await parse(file, { mapping: BANK_PRESETS.VCB })
    expect(s.lines.map((l) => l.amount)).toEqual(["2430000", "22000"])
  })
})

describe("bank layouts recognised from the header row", () => {
  it("VietinBank (ICB): eFAST transaction history, 'STT/ No' is not the debit column", async () => {
    const csv = [
      '"LỊCH SỬ GIAO DỊCH - TRANSACTION HISTORY","","","","","",""',
      '"Số tài khoản/ Account No:","108000111222","","","","",""',
      '"STT/ No","Ngày hạch toán/ Accounting date","Mô tả giao dịch/ Transaction description","Nợ/ Debit","Có/ Credit","Số dư/ Balance","Số giao dịch/ Transaction number"',
      '"1","01/12/2026 08:15:00","CT DEN:123 NGUYEN VAN B chuyen tien DH1042Q","","1,500,000","11,500,000","FT001"',
      '"2","01/12/2026 09:00:00","Phi SMS","11,000","","11,489,000","FT002"',
    ].join("\n")
    const s = await parse(csv)
    expect(s.preset).toBe("ICB")
    expect(s.lines.map((l) => [l.direction, l.amount, l.external_id])).toEqual([
      ["in", "1500000", "FT001"],
      ["out", "11000", "FT002"],
    ])
    expect(s.lines[0].booked_at.toISOString()).toBe("2026-12-01T01:15:00.000Z")
    expect(s.accounts.map((a) => a.account)).toEqual(["108000111222"])
  })

  it("BIDV: 'Ngày hiệu lực', 'Ghi nợ', 'Ghi có', 'Mô tả', a closing-balance footer", async () => {
    const csv = [
      "NGÂN HÀNG TMCP ĐẦU TƯ VÀ PHÁT TRIỂN VIỆT NAM;;;;",
      "BÁO CÁO CHI TIẾT SỐ DƯ TÀI KHOẢN;;;;",
      "Số dư đầu kỳ;;;;1.000.000",
      "Ngày hiệu lực;Ghi nợ;Ghi có;Số dư;Mô tả",
      "02/12/2026;;250.000;1.250.000;REM Tfr Ac: 12010000 DH1043W",
      "02/12/2026;0;0;1.250.000;Dieu chinh",
      "03/12/2026;50.000;;1.200.000;Phi duy tri",
      "Số dư cuối kỳ;;;1.200.000;",
    ].join("\n")
    const s = await parse(csv)
    expect(s.preset).toBe("BIDV")
    expect(s.lines.map(pick)).toEqual([
      [
        "row 5",
        vnDay("02/12/2026"),
        "in",
        "250000",
        null,
        "REM Tfr Ac: 12010000 DH1043W",
      ],
      ["row 7", vnDay("03/12/2026"), "out", "50000", null, "Phi duy tri"],
    ])
    // The zero-amount row is left out, and said so.
    expect(s.warnings).toEqual([
      { line: "row 6", message: "no amount (zero or empty): left out" },
    ])
  })

  it("Techcombank: headers on two lines of one cell, 'Cộng doanh số' and 'Số dư cuối kì' footers", async () => {
    const csv = [
      '"TECHCOMBANK","","","","","","",""',
      '"SỔ PHỤ KIÊM PHIẾU BÁO NỢ/CÓ - BANK STATEMENT","","","","","","",""',
      '"Số dư đầu kỳ/ Open balance","2,000,000","","","","","",""',
      '"Ngày giao dịch\nTransaction date","Đối tác\nRemitter","NH đối tác\nRemitter bank","Diễn giải\nDetails","Số bút toán\nTransaction no","Nợ\nDebit","Có\nCredit","Số dư\nBalance"',
      '"04/12/2026","CONG TY TNHH HOA SEN","VCB","HOA SEN TT DH1044X","FT26338000001","","3,000,000","5,000,000"',
      '"04/12/2026","","","Phi chuyen tien","FT26338000002","5,500","","4,994,500"',
      '"Cộng doanh số/ Total volume","","","","","5,500","3,000,000",""',
      '"Số dư cuối kì/ Ending balance","","","","","","","4,994,500"',
    ].join("\n")
    const s = await parse(csv)
    expect(s.preset).toBe("TCB")
    expect(
      s.lines.map((l) => [
        l.direction,
        l.amount,
        l.external_id,
        l.counterparty_name,
      ])
    ).toEqual([
      ["in", "3000000", "FT26338000001", "CONG TY TNHH HOA SEN"],
      ["out", "5500", "FT26338000002", null],
    ])
  })

  it("MB: bilingual 'Phát sinh có/ Credit' in a workbook, the English header on a second row", async () => {
    const t = (value: string) => ({ value })
    const n = (value: number) => ({ type: Number, value })
    const rows = [
      [t("NGÂN HÀNG TMCP QUÂN ĐỘI - SAO KÊ CHI TIẾT TÀI KHOẢN")],
      [t("Tài khoản/Account No: 0901234567")],
      [
        t("Ngày hạch toán"),
        t("Phát sinh nợ"),
        t("Phát sinh có"),
        t("Số dư"),
        t("Nội dung"),
      ],
      [
        t("Posting date"),
        t("Debit"),
        t("Credit"),
        t("Balance"),
        t("Description"),
      ],
      [
        t("05/12/2026"),
        null,
        n(720000),
        n(720000),
        t("MBVCB.3278907687.5.DH1042Q.CT tu 0071000123456"),
      ],
      [t("05/12/2026"), n(0), n(0), n(720000), t("Tra lai")],
      [t("Tổng cộng"), n(0), n(720000), null, null],
    ]
    const buf = await (writeXlsxFile(rows as any) as any).toBuffer()
    const s = await parse(buf, { fileName: "mb.xlsx" })
    expect(s.preset).toBe("MB")
    expect(s.lines.map((l) => [l.line, l.direction, l.amount])).toEqual([
      ["row 5", "in", "720000"],
    ])
    expect(s.warnings).toEqual([
      { line: "row 6", message: "no amount (zero or empty): left out" },
    ])
  })

  it("ACB: 'Tiền gửi vào' / 'Tiền rút ra', a 'Tổng cộng' footer", async () => {
    const csv = [
      "BẢNG SAO KÊ GIAO DỊCH;;;;;",
      "Ngày giao dịch;Số GD;Nội dung;Tiền gửi vào;Tiền rút ra;Số dư",
      "06/12/2026;5001;NGUYEN VAN C chuyen khoan DH1045P;990.000;;990.000",
      "06/12/2026;5002;Phi QLTK;;10.000;980.000",
      "Tổng cộng;;;990.000;10.000;",
    ].join("\n")
    const s = await parse(csv)
    expect(s.preset).toBe("ACB")
    expect(s.lines.map((l) => [l.direction, l.amount, l.external_id])).toEqual([
      ["in", "990000", "5001"],
      ["out", "10000", "5002"],
    ])
  })

  it("English-only footers ('Total', 'Closing balance') are not transactions either", async () => {
    const csv = [
      "Transaction date,Description,Credit,Debit,Reference",
      "07/12/2026,DH1046Y,100,,R1",
      "Total,,100,0,",
      "Closing balance,,,,",
    ].join("\n")
    const s = await parse(csv)
    expect(s.lines.map((l) => l.external_id)).toEqual(["R1"])
  })
})
