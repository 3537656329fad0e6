import { FormulaError, parseStatement, StatementError } from "../index"

const MAX = 1024 * 1024
const parse = (text: string) =>
  parseStatement(Buffer.from(text), { maxBytes: MAX })
const refusal = (text: string) =>
  parse(text).then(
    () => null,
    (e) => e
  )

const HEADER = "Ngày giao dịch;Số tham chiếu;Số tiền ghi có;Nội dung"
/** A CSV export: an optional title block (opening balance), rows, an optional closing footer. */
const csv = (rows: string[], opening?: string, closing?: string) =>
  [
    ...(opening ? [`Số dư đầu kỳ;${opening}`, ""] : []),
    HEADER,
    ...rows,
    ...(closing ? [`Số dư cuối kỳ;;${closing};`] : []),
  ].join("\n")
const GOOD_1 = "23/11/2026;FT1;100.000;DH1001"
const GOOD_2 = "24/11/2026;FT3;300.000;DH1003"

describe("a bad line in an otherwise good CSV", () => {
  it("is listed with its error, and the other rows are kept", async () => {
    const s = await parse(
      csv([GOOD_1, "31/02/2026;FT2;200.000;DH1002", GOOD_2])
    )
    expect(s.lines.map((l) => [l.line, l.amount])).toEqual([
      ["row 2", "100000"],
      ["row 4", "300000"],
    ])
    expect(s.rejected_lines).toEqual([
      { line: "row 3", message: 'date: "31/02/2026" is not a real date' },
    ])
  })

  it("is left out when the stated balances add up without it", async () => {
    const s = await parse(
      csv(
        [GOOD_1, "23/11/2026;FT2;hai tram;DH1002", GOOD_2],
        "1.000.000",
        "1.400.000"
      )
    )
    // The empty line under the title block is no row of the table.
    expect(s.lines.map((l) => l.line)).toEqual(["row 3", "row 5"])
    expect(s.rejected_lines).toEqual([
      { line: "row 4", message: 'credit: "hai tram" is not an amount' },
    ])
  })

  it("refuses the file, naming the bad row, when the balances need its money", async () => {
    const e = await refusal(
      csv(
        [GOOD_1, "23/11/2026;FT2;hai tram;DH1002", GOOD_2],
        "1.000.000",
        "1.600.000"
      )
    )
    expect(e).toBeInstanceOf(StatementError)
    expect(e.message).toBe(
      'balances: balances do not add up: opening 1000000 + movements = 1400000, but the closing balance is 1600000 VND; the file cannot be imported without its unreadable line(s): row 4: credit: "hai tram" is not an amount'
    )
  })

  it("refuses the file when the running balance after the bad row needs its money", async () => {
    const e = await refusal(
      [
        "Số dư đầu kỳ;1.000.000",
        "",
        `${HEADER};Số dư`,
        "23/11/2026;FT1;100.000;DH1001;1.100.000",
        "23/11/2026;FT2;hai tram;DH1002;1.300.000",
        "24/11/2026;FT3;300.000;DH1003;1.600.000",
      ].join("\n")
    )
    expect(e).toBeInstanceOf(StatementError)
    expect(e.message).toMatch(
      /closing balance is 1600000 VND; .*unreadable line\(s\): row 4: credit/
    )
  })

  it("still refuses the whole file for a formula, even in a row unreadable for another reason", async () => {
    const e = await refusal(
      csv([GOOD_1, '31/02/2026;FT2;200.000;"=HYPERLINK(""x"")"', GOOD_2])
    )
    expect(e).toBeInstanceOf(FormulaError)
    expect(e.message).toMatch(/row 3, column "Nội dung".*formula injection/)
  })

  it("refuses a file whose every row is bad", async () => {
    const e = await refusal(
      csv(["31/02/2026;FT1;100.000;x", "23/11/2026;FT2;abc;y"])
    )
    expect(e.message).toBe(
      'no transaction line could be read: row 2: date: "31/02/2026" is not a real date; row 3: credit: "abc" is not an amount'
    )
  })

  it("lists a VND amount with cents as a bad row", async () => {
    const s = await parse(csv([GOOD_1, "23/11/2026;FT2;1.250.000,50;x"]))
    expect(s.lines).toHaveLength(1)
    expect(s.rejected_lines).toEqual([
      {
        line: "row 3",
        message: "amount: 1250000.50 has more decimals than VND allows (0)",
      },
    ])
  })
})

describe("a bad :61: line in an otherwise good MT940", () => {
  const mt940 = (closing: string, bad = ":61:261130C250,00XTRFNONREF") =>
    [
      ":20:S1",
      ":25:0071000123456",
      ":60F:C261130VND1000,",
      ":61:261130C100,NTRFNONREF//B1",
      ":86:DH1001",
      bad,
      ":86:DH1002",
      ":61:261130C300,NTRFNONREF//B3",
      ":86:DH1003",
      `:62F:C261130VND${closing}`,
      "-",
    ].join("\n")

  it("is listed with its error when the balances add up without it", async () => {
    const s = await parse(mt940("1400,"))
    expect(s.lines.map((l) => [l.line, l.amount])).toEqual([
      ["line 4", "100"],
      ["line 8", "300"],
    ])
    expect(s.rejected_lines).toEqual([
      {
        line: "line 6 (:61:)",
        message: 'malformed statement line "261130C250,00XTRFNONREF"',
      },
    ])
  })

  it("refuses the file, naming the bad line, when the balances need it", async () => {
    const e = await refusal(mt940("1650,"))
    expect(e).toBeInstanceOf(StatementError)
    expect(e.message).toBe(
      'statement ending line 10: balances do not add up: opening 1000 + movements = 1400, but the closing balance is 1650 VND; the file cannot be imported without its unreadable line(s): line 6 (:61:): malformed statement line "261130C250,00XTRFNONREF"'
    )
  })

  it("lists an impossible date the same way", async () => {
    const s = await parse(mt940("1400,", ":61:260230C250,NTRFNONREF//B2"))
    expect(s.rejected_lines).toEqual([
      {
        line: "line 6 (:61:)",
        message: 'date "260230": 2026-02-30 is not a real date',
      },
    ])
  })

  it("refuses a statement whose only :61: is bad, even when its balances are zero", async () => {
    const e = await refusal(
      ":20:X\n:25:0071000123456\n:60F:C261123VND0,\n:61:junk\n:62F:C261123VND0,\n"
    )
    expect(e.message).toBe(
      'no transaction line could be read: line 4 (:61:): malformed statement line "junk"'
    )
  })
})

describe("a bad transaction in an otherwise good OFX (no balances checked)", () => {
  it("is listed, and the others are kept", async () => {
    const trn = (fitid: string, amount: string) =>
      `<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20261130<TRNAMT>${amount}<FITID>${fitid}<MEMO>DH1</STMTTRN>`
    const s = await parse(
      [
        "OFXHEADER:100",
        "<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>VND",
        "<BANKACCTFROM><ACCTID>0071000123456</BANKACCTFROM><BANKTRANLIST>",
        trn("F1", "100000"),
        trn("F2", "$200"),
        trn("F3", "300000"),
        "</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>",
      ].join("\n")
    )
    expect(s.lines.map((l) => l.external_id)).toEqual(["F1", "F3"])
    expect(s.rejected_lines).toEqual([
      {
        line: "<STMTTRN> 1.2 at line 5",
        message:
          'TRNAMT at line 5: "$200" is not an OFX amount (TRNAMT: digits, an optional sign and decimal mark)',
      },
    ])
  })
})

describe("what the reliability suite sends stays refused", () => {
  const header =
    "Ngày giao dịch;Số tham chiếu;Số tiền ghi nợ;Số tiền ghi có;Mô tả;Tên người chuyển"
  const row = (ref: string, memo = "chuyen tien", name = "NGUYEN VAN A") =>
    `23/11/2026 09:15;${ref};;100.000;${memo};${name}`
  it.each([
    ["a formula in the memo", [header, row("R1"), row("R2", '"=1+1"')]],
    ["a formula in the reference", [header, row("R1"), row('"@SUM(1)"')]],
    [
      "a formula in the payer's name",
      [header, row("R1"), row("R2", "x", `"\t=1+1"`)],
    ],
    ["one row, no amount", [header, "23/11/2026;R;;;chuyen tien;X"]],
    ["one row, an impossible date", [header, "30/02/2026;R;;100.000;x;X"]],
    ["one row, a text amount", [header, "23/11/2026;R;;mot tram;x;X"]],
    ["unbalanced quotes", [header, '23/11/2026;R;;100.000;"chuyen tien;X']],
  ])("%s", async (_, rows) => {
    expect(await refusal(rows.join("\n"))).toBeInstanceOf(StatementError)
  })
})

describe("a bad entry in an otherwise good CAMT.053", () => {
  const camt = (closing: string) => {
    const entry = (ref: string, amount: string, date = "2026-11-30") =>
      `<Ntry><Amt Ccy="CHF">${amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>${date}</Dt></BookgDt><AcctSvcrRef>${ref}</AcctSvcrRef></Ntry>`
    const bal = (code: string, amount: string) =>
      `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="CHF">${amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd></Bal>`
    return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><Stmt><Id>S1</Id>
<Acct><Id><IBAN>CH9300762011623852957</IBAN></Id><Ccy>CHF</Ccy></Acct>
${bal("OPBD", "100.00")}${bal("CLBD", closing)}
${entry("E1", "10.00")}${entry("E2", "ten")}${entry("E3", "30.00")}
</Stmt></BkToCstmrStmt></Document>`
  }

  it("is listed when the balances add up without it", async () => {
    const s = await parse(camt("140.00"))
    expect(s.lines.map((l) => l.external_id)).toEqual(["E1", "E3"])
    expect(s.rejected_lines).toEqual([
      { line: "Stmt[1]/Ntry[2]", message: 'Amt: "ten" is not an amount' },
    ])
  })

  it("refuses the file, naming the entry, when the balances need it", async () => {
    const e = await refusal(camt("150.00"))
    expect(e.message).toMatch(
      /^Stmt\[1\]: balances do not add up: .*unreadable line\(s\): Stmt\[1\]\/Ntry\[2\]: Amt: "ten" is not an amount$/
    )
  })
})
