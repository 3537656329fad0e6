import { readFileSync } from "fs"
import path from "path"
import writeXlsxFile from "write-excel-file/node"
import { detectFormat, parseStatement, StatementError } from "../index"
import { parseAmount, parseDate } from "../values"

const fixture = (name: string) =>
  readFileSync(path.join(__dirname, "fixtures", name))
const MAX = 10 * 1024 * 1024
const ours = ["0071000123456", "0071000999888"]
const pick = (l: any) => ({
  external_id: l.external_id,
  account: l.account,
  booked_at: l.booked_at.toISOString(),
  amount: l.amount,
  currency_code: l.currency_code,
  direction: l.direction,
  memo: l.memo,
  counterparty_name: l.counterparty_name,
  counterparty_account: l.counterparty_account,
})
const refused = async (
  buf: Buffer,
  pattern: RegExp,
  opts: Record<string, unknown> = {}
) => {
  const error = await parseStatement(buf, { maxBytes: MAX, ...opts }).then(
    () => null,
    (e) => e
  )
  expect(error).toBeInstanceOf(StatementError)
  expect(error.message).toMatch(pattern)
}

describe("Vietnamese numbers and dates", () => {
  it.each([
    ["1.250.000", "1250000"],
    ["1,250,000", "1250000"],
    ["1.250.000,50", "1250000.50"],
    ["12.50", "12.50"],
    ["2430000", "2430000"],
    ["1 250 000 VND", "1250000"],
  ])("%s → %s", (raw, value) =>
    expect(parseAmount(raw, "x")!.value).toBe(value)
  )

  it("reads dd/mm/yyyy as Vietnamese time and refuses impossible dates", () => {
    expect(parseDate("22/11/2026 14:02", "x").toISOString()).toBe(
      "2026-11-22T07:02:00.000Z"
    )
    expect(parseDate("2026-11-22", "x").toISOString()).toBe(
      "2026-11-21T17:00:00.000Z"
    )
    expect(() => parseDate("31/02/2026", "x")).toThrow(/not a real date/)
  })
})

describe("statement formats", () => {
  it("detects formats from the content", () => {
    expect(detectFormat(fixture("vcb-export.csv"))).toBe("csv")
    expect(detectFormat(fixture("camt053.xml"))).toBe("camt053")
    expect(detectFormat(fixture("statement.mt940"))).toBe("mt940")
    expect(detectFormat(fixture("statement.ofx"))).toBe("ofx")
    expect(detectFormat(fixture("statement-v2.ofx"))).toBe("ofx")
  })

  it("CSV: finds the table under the bank's header block, with credits, debits and multi-line memos", async () => {
    const s = await parseStatement(fixture("vcb-export.csv"), {
      maxBytes: MAX,
      fileName: "sao-ke.csv",
    })
    expect(s.format).toBe("csv")
    expect(s.lines.map(pick)).toEqual([
      {
        external_id: "5213 - 88001",
        account: null,
        booked_at: "2026-11-20T02:15:00.000Z",
        amount: "2430000",
        currency_code: "VND",
        direction: "in",
        memo: "MBVCB.3278907687.DH1042K 0101234567001.CT tu 0011004123456 CONG TY TNHH HOA SEN toi 0071000123456",
        counterparty_name: null,
        counterparty_account: null,
      },
      {
        external_id: "5213 - 88002",
        account: null,
        booked_at: "2026-11-20T17:00:00.000Z",
        amount: "11000",
        currency_code: "VND",
        direction: "out",
        memo: "Phi quan ly tai khoan",
        counterparty_name: null,
        counterparty_account: null,
      },
      {
        external_id: "5213 - 88003",
        account: null,
        booked_at: "2026-11-22T07:02:00.000Z",
        amount: "1250000",
        currency_code: "VND",
        direction: "in",
        memo: "IBFT thanh toan don hang DH1043M nguyen van a",
        counterparty_name: null,
        counterparty_account: null,
      },
      {
        external_id: "5213 - 88004",
        account: null,
        booked_at: "2026-11-22T17:00:00.000Z",
        amount: "500000",
        currency_code: "VND",
        direction: "in",
        memo: "chuyen tien",
        counterparty_name: null,
        counterparty_account: null,
      },
    ])
    expect(s.lines[0].line).toBe("row 7")
  })

  it("CSV: uses a saved mapping and English headers", async () => {
    const csv =
      'Date,Amount,Description,Reference\n2026-11-23,"1,250,000",DH1043M,REF-1\n2026-11-23,-50000,fee,REF-2\n'
    const s = await parseStatement(Buffer.from(csv), {
      maxBytes: MAX,
      mapping: {
        date: "Date",
        amount: "Amount",
        memo: "Description",
        reference: "Reference",
        date_format: "yyyy-mm-dd",
      },
    })
    expect(s.lines.map((l) => [l.external_id, l.amount, l.direction])).toEqual([
      ["REF-1", "1250000", "in"],
      ["REF-2", "50000", "out"],
    ])
  })

  it("XLSX: the same table in a workbook", async () => {
    const rows = [
      [{ value: "SAO KÊ TÀI KHOẢN" }],
      [],
      [
        { value: "Ngày giao dịch" },
        { value: "Số tham chiếu" },
        { value: "Số tiền ghi có" },
        { value: "Số tiền ghi nợ" },
        { value: "Nội dung" },
      ],
      [
        { value: "23/11/2026" },
        { value: "X1" },
        { type: Number, value: 2430000 },
        null,
        { value: "DH1042K 0101234567001" },
      ],
      [
        { value: "23/11/2026" },
        { value: "X2" },
        null,
        { type: Number, value: 11000 },
        { value: "Phi SMS" },
      ],
    ]
    const buf = await (writeXlsxFile(rows as any) as any).toBuffer()
    const s = await parseStatement(buf, {
      maxBytes: MAX,
      fileName: "sao-ke.xlsx",
    })
    expect(s.format).toBe("xlsx")
    expect(
      s.lines.map((l) => [l.external_id, l.amount, l.direction, l.memo])
    ).toEqual([
      ["X1", "2430000", "in", "DH1042K 0101234567001"],
      ["X2", "11000", "out", "Phi SMS"],
    ])
  })

  it("CAMT.053: booked entries of several accounts and currencies, batch entries split, balances checked", async () => {
    const s = await parseStatement(fixture("camt053.xml"), {
      maxBytes: MAX,
      expectedAccounts: ours,
    })
    expect(s.accounts).toEqual([
      {
        account: "0071000123456",
        currency: "VND",
        opening: "10000000",
        closing: "14669000",
      },
      {
        account: "VN12BFTV0071000999888",
        currency: "USD",
        opening: "100",
        closing: "220.50",
      },
    ])
    expect(s.lines.map(pick)).toEqual([
      {
        external_id: "FT26327000001",
        account: "0071000123456",
        booked_at: "2026-11-23T02:15:00.000Z",
        amount: "2430000",
        currency_code: "VND",
        direction: "in",
        memo: "DH1042K 0101234567001 thanh toan hoa don",
        counterparty_name: "CONG TY TNHH HOA SEN",
        counterparty_account: "19036543210012",
      },
      {
        external_id: "FT26327000002-1",
        account: "0071000123456",
        booked_at: "2026-11-22T17:00:00.000Z",
        amount: "1250000",
        currency_code: "VND",
        direction: "in",
        memo: "DH1043M",
        counterparty_name: null,
        counterparty_account: null,
      },
      {
        external_id: "FT26327000002-2",
        account: "0071000123456",
        booked_at: "2026-11-22T17:00:00.000Z",
        amount: "1000000",
        currency_code: "VND",
        direction: "in",
        memo: "DH1044N",
        counterparty_name: null,
        counterparty_account: null,
      },
      {
        external_id: "FEE26327",
        account: "0071000123456",
        booked_at: "2026-11-22T17:00:00.000Z",
        amount: "11000",
        currency_code: "VND",
        direction: "out",
        memo: "Phi quan ly tai khoan",
        counterparty_name: null,
        counterparty_account: null,
      },
      {
        external_id: "USD-0001",
        account: "VN12BFTV0071000999888",
        booked_at: "2026-11-22T17:00:00.000Z",
        amount: "120.50",
        currency_code: "USD",
        direction: "in",
        memo: "INVOICE DH1045P",
        counterparty_name: null,
        counterparty_account: null,
      },
    ])
  })

  it("MT940: :61: lines with structured and free :86: details, two statements", async () => {
    const s = await parseStatement(fixture("statement.mt940"), {
      maxBytes: MAX,
      expectedAccounts: ours,
    })
    expect(s.accounts.map((a) => [a.opening, a.closing])).toEqual([
      ["10000000", "12419000"],
      ["12419000", "13669000"],
    ])
    expect(s.lines.map(pick)).toEqual([
      {
        external_id: "FT26327000001",
        account: "0071000123456",
        booked_at: "2026-11-22T17:00:00.000Z",
        amount: "2430000",
        currency_code: "VND",
        direction: "in",
        memo: "DH1042K 0101234567001THANH TOAN HOA DON",
        counterparty_name: "CONG TY TNHH HOA SEN",
        counterparty_account: "19036543210012",
      },
      {
        external_id: "FEE26327",
        account: "0071000123456",
        booked_at: "2026-11-22T17:00:00.000Z",
        amount: "11000",
        currency_code: "VND",
        direction: "out",
        memo: "Phi quan ly tai khoan",
        counterparty_name: null,
        counterparty_account: null,
      },
      {
        external_id: "FT26328000009",
        account: "0071000123456",
        booked_at: "2026-11-23T17:00:00.000Z",
        amount: "1250000",
        currency_code: "VND",
        direction: "in",
        memo: "IBFT thanh toan don hang DH1043M nguyen van a",
        counterparty_name: null,
        counterparty_account: null,
      },
    ])
  })

  it("OFX 1.x (SGML) and 2.x (XML): FITID is the bank's id", async () => {
    const v1 = await parseStatement(fixture("statement.ofx"), {
      maxBytes: MAX,
      expectedAccounts: ours,
    })
    expect(v1.lines.map(pick)).toEqual([
      {
        external_id: "FT26327000001",
        account: "0071000123456",
        booked_at: "2026-11-23T02:15:00.000Z",
        amount: "2430000",
        currency_code: "VND",
        direction: "in",
        memo: "DH1042K 0101234567001 CONG TY TNHH HOA SEN",
        counterparty_name: "CONG TY TNHH HOA SEN",
        counterparty_account: null,
      },
      {
        external_id: "FEE26327",
        account: "0071000123456",
        booked_at: "2026-11-22T17:00:00.000Z",
        amount: "11000",
        currency_code: "VND",
        direction: "out",
        memo: "Phi quan ly tai khoan",
        counterparty_name: null,
        counterparty_account: null,
      },
    ])
    const v2 = await parseStatement(fixture("statement-v2.ofx"), {
      maxBytes: MAX,
      expectedAccounts: ours,
    })
    expect(v2.lines.map(pick)).toEqual([
      {
        external_id: "USD-0001",
        account: "VN12BFTV0071000999888",
        booked_at: "2026-11-23T10:00:00.000Z",
        amount: "120.50",
        currency_code: "USD",
        direction: "in",
        memo: "INVOICE DH1045P ACME Pte Ltd",
        counterparty_name: "ACME Pte Ltd",
        counterparty_account: null,
      },
    ])
  })
})

describe("refused files (nothing is returned from them)", () => {
  it("balances that do not add up", async () => {
    await refused(
      Buffer.from(
        fixture("camt053.xml").toString().replace("14669000", "14669001")
      ),
      /Stmt\[1\].*balances do not add up/
    )
    await refused(
      Buffer.from(
        fixture("statement.mt940")
          .toString()
          .replace(":62F:C261123VND12419000,", ":62F:C261123VND12419500,")
      ),
      /balances do not add up/
    )
  })

  it("another bank account", async () => {
    await refused(
      fixture("camt053.xml"),
      /account VN12BFTV0071000999888 is not one of the shop's/,
      { expectedAccounts: ["0071000123456"] }
    )
  })

  it("too large, empty, binary garbage and non-UTF-8", async () => {
    await refused(fixture("vcb-export.csv"), /more than the 100 allowed/, {
      maxBytes: 100,
    })
    await refused(Buffer.alloc(0), /empty/)
    await refused(
      Buffer.from([0x41, 0x00, 0x42, 0xff]),
      /byte 1: binary content/
    )
    await refused(
      Buffer.from("Ng\xe0y;S\xf6 ti\xean\n", "latin1"),
      /not valid UTF-8.*|UTF-8/
    )
  })

  it("XML entity expansion and external entities", async () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><Document><BkToCstmrStmt>&lol2;</BkToCstmrStmt></Document>`
    await refused(Buffer.from(bomb), /line 1: <!DOCTYPE> is not allowed/, {
      fileName: "x.xml",
    })
    const xxe = `<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<OFX>&x;</OFX>`
    await refused(Buffer.from(xxe), /line 2: <!DOCTYPE> is not allowed/)
  })

  it("formula-injection cells, naming the row and column", async () => {
    const csv =
      'Ngày giao dịch;Số tiền ghi có;Nội dung\n23/11/2026;1.000;DH1042K\n23/11/2026;2.000;"=HYPERLINK(""http://x"";""click"")"\n'
    await refused(
      Buffer.from(csv),
      /row 3, column "Nội dung".*formula injection/
    )
    await refused(
      Buffer.from(
        "Ngày giao dịch;Số tiền ghi có;Nội dung\n23/11/2026;1.000;@SUM(A1)\n"
      ),
      /row 2.*formula/
    )
  })

  it("reads and guards a column a bank layout does not list (the payer's name)", async () => {
    const header =
      "Ngày giao dịch;Số tham chiếu;Số tiền ghi nợ;Số tiền ghi có;Mô tả;Tên người chuyển"
    const parsed = await parseStatement(
      Buffer.from(
        `${header}\n23/11/2026 09:15;FT1;;100.000;DH1042K;NGUYEN VAN A\n`
      ),
      { fileName: "sao-ke.csv", maxBytes: 1e6 }
    )
    expect(parsed.preset).toBe("VCB")
    expect(parsed.lines[0].counterparty_name).toBe("NGUYEN VAN A")
    await refused(
      Buffer.from(`${header}\n23/11/2026 09:15;FT1;;100.000;DH1042K;"=1+1"\n`),
      /row 2, column "Tên người chuyển".*formula injection/
    )
  })

  it("malformed lines, naming the line or element", async () => {
    await refused(
      Buffer.from("Ngày giao dịch;Số tiền ghi có;Nội dung\n23/11/2026;abc;x\n"),
      /row 2: credit: "abc" is not an amount/
    )
    await refused(
      Buffer.from(
        "Ngày giao dịch;Số tiền ghi có;Nội dung\n32/13/2026;1.000;x\n"
      ),
      /row 2: date/
    )
    await refused(
      Buffer.from(
        ":20:X\n:25:0071000123456\n:60F:C261122VND10,\n:61:garbage\n:62F:C261122VND10,\n"
      ),
      /line 4 \(:61:\): malformed statement line/
    )
    await refused(
      Buffer.from(
        fixture("camt053.xml")
          .toString()
          .replace('<Amt Ccy="VND">2430000</Amt>', '<Amt Ccy="VND">lots</Amt>')
      ),
      /Stmt\[1\]\/Ntry\[1\]: Amt: "lots" is not an amount/
    )
    await refused(
      Buffer.from("just some text\nwithout a table\n"),
      /no header row/
    )
  })
})
