import { readFileSync } from "fs"
import path from "path"
import { parseStatement, StatementError } from "../index"
import type { StatementLine } from "../types"
import { fingerprint } from "../../fingerprint"

const fixture = (name: string) =>
  readFileSync(path.join(__dirname, "fixtures", name))
const MAX = 10 * 1024 * 1024
const parse = (text: string | Buffer, fileName?: string) =>
  parseStatement(Buffer.isBuffer(text) ? text : Buffer.from(text), {
    maxBytes: MAX,
    fileName,
  })
const refusal = (text: string, fileName?: string) =>
  parse(text, fileName).then(
    () => null,
    (e) => e
  )

/**
 * A key per line from what the line carries: its external_id when it has one, else its content
 * fingerprint and its occurrence in the file. The import now keys a line by its place in the file;
 * an external_id a parser fills must still name one line only (it is the bank's id of that line).
 */
function importKeys(lines: StatementLine[]) {
  const seen = new Map<string, number>()
  return lines.map((l) => {
    const fp = fingerprint(l)
    const n = (seen.get(fp) ?? 0) + 1
    seen.set(fp, n)
    return l.external_id
      ? `statement:${(l.account ?? "").replace(/\s/g, "")}:${l.external_id}`
      : `statement:${fp}:${n}`
  })
}

const camt = (
  entries: string,
  closing: string,
  opening = "0"
) => `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-11-30T23:59:00</CreDtTm></GrpHdr>
<Stmt><Id>S1</Id><Acct><Id><IBAN>CH9300762011623852957</IBAN></Id><Ccy>CHF</Ccy></Acct>
<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="CHF">${opening}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-30</Dt></Dt></Bal>
<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="CHF">${closing}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-30</Dt></Dt></Bal>
${entries}
</Stmt></BkToCstmrStmt></Document>`

const entry = (amount: string, inner: string, ref = "ENTRY-1") =>
  `<Ntry><NtryRef>N-${ref}</NtryRef><Amt Ccy="CHF">${amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2026-11-30</Dt></BookgDt><AcctSvcrRef>${ref}</AcctSvcrRef>${inner}</Ntry>`

describe("camt.053: one line per transaction detail that carries its own amount", () => {
  it("splits an entry into its details, each with its amount, memo, payer, references and place", async () => {
    // Two payments booked as one entry; the details repeat the entry's reference (as some banks
    // write), so each detail is keyed by its place in the entry and its own TxId.
    const s = await parse(
      camt(
        entry(
          "3726.00",
          `<NtryDtls>
            <TxDtls><Refs><AcctSvcrRef>ENTRY-1</AcctSvcrRef><EndToEndId>E2E-A</EndToEndId><TxId>TX-A</TxId></Refs><Amt Ccy="CHF">2430.00</Amt>
              <RltdPties><Dbtr><Nm>Anna Muster</Nm></Dbtr><DbtrAcct><Id><IBAN>CH5604835012345678009</IBAN></Id></DbtrAcct></RltdPties>
              <RmtInf><Ustrd>Order DH1042K</Ustrd></RmtInf></TxDtls>
            <TxDtls><Refs><AcctSvcrRef>ENTRY-1</AcctSvcrRef><EndToEndId>NOTPROVIDED</EndToEndId><TxId>TX-B</TxId></Refs><AmtDtls><TxAmt><Amt Ccy="CHF">1296.00</Amt></TxAmt></AmtDtls>
              <RltdPties><Dbtr><Pty><Nm>Beat Beispiel</Nm></Pty></Dbtr></RltdPties>
              <RmtInf><Ustrd>Order DH1043M</Ustrd></RmtInf></TxDtls>
          </NtryDtls>`
        ),
        "3726.00"
      )
    )
    expect(
      s.lines.map((l) => [
        l.line,
        l.amount,
        l.memo,
        l.counterparty_name,
        l.counterparty_account,
        l.payer_reference,
        l.bank_references,
        l.external_id,
      ])
    ).toEqual([
      [
        "Stmt[1]/Ntry[1]/NtryDtls/TxDtls[1]",
        "2430.00",
        "Order DH1042K E2E-A",
        "Anna Muster",
        "CH5604835012345678009",
        "E2E-A",
        ["TX-A"],
        "ENTRY-1/1",
      ],
      [
        "Stmt[1]/Ntry[1]/NtryDtls/TxDtls[2]",
        "1296.00",
        "Order DH1043M",
        "Beat Beispiel",
        null,
        null,
        ["TX-B"],
        "ENTRY-1/2",
      ],
    ])
    expect(new Set(importKeys(s.lines)).size).toBe(2)
  })

  it("refuses a file whose details do not add up to their entry, naming the entry", async () => {
    const bad = camt(
      entry(
        "3726.00",
        `<NtryDtls><TxDtls><Amt Ccy="CHF">2430.00</Amt></TxDtls><TxDtls><Amt Ccy="CHF">1200.00</Amt></TxDtls></NtryDtls>`
      ),
      "3726.00"
    )
    const e = await refusal(bad)
    expect(e).toBeInstanceOf(StatementError)
    expect(e.message).toBe(
      "Stmt[1]: balances do not add up: opening 0.00 + movements = 0.00, but the closing balance is 3726.00 CHF; the file cannot be imported without its unreadable line(s): Stmt[1]/Ntry[1]: its 2 transaction details add up to 3630.00 CHF, not the entry's 3726.00 CHF"
    )
  })

  it("keeps an entry with one detail, or with details without amounts, as one line that names every order", async () => {
    const s = await parse(
      camt(
        entry(
          "100.00",
          `<NtryDtls><TxDtls><Refs><TxId>ONLY</TxId></Refs><Amt Ccy="CHF">100.00</Amt><RmtInf><Ustrd>DH2001A</Ustrd></RmtInf></TxDtls></NtryDtls>`,
          "E-1"
        ) +
          entry("50.00", "", "E-2") +
          entry(
            "300.00",
            `<NtryDtls><TxDtls><Refs><EndToEndId>DH2002B</EndToEndId></Refs><RmtInf><Ustrd>first</Ustrd></RmtInf></TxDtls><TxDtls><Refs><EndToEndId>DH2003C</EndToEndId></Refs><RmtInf><Ustrd>second</Ustrd></RmtInf></TxDtls></NtryDtls>`,
            "E-3"
          ),
        "450.00"
      )
    )
    expect(
      s.lines.map((l) => [
        l.line,
        l.amount,
        l.memo,
        l.payer_reference,
        l.bank_references,
        l.external_id,
      ])
    ).toEqual([
      [
        "Stmt[1]/Ntry[1]",
        "100.00",
        "DH2001A",
        null,
        ["E-1", "N-E-1", "ONLY"],
        "E-1",
      ],
      ["Stmt[1]/Ntry[2]", "50.00", "", null, ["E-2", "N-E-2"], "E-2"],
      [
        "Stmt[1]/Ntry[3]",
        "300.00",
        "first second DH2003C DH2002B",
        "DH2002B",
        ["E-3", "N-E-3"],
        "E-3",
      ],
    ])
  })

  it("reads a batch entry of thousands of details whole, split or not (sets, not pairwise comparisons)", async () => {
    const n = 3000
    const details = (amounts: boolean) =>
      Array.from(
        { length: n },
        (_, i) =>
          `<TxDtls><Refs><AcctSvcrRef>TX${i}</AcctSvcrRef><EndToEndId>DH${9000 + i}Z</EndToEndId></Refs>${amounts ? '<Amt Ccy="CHF">1.00</Amt>' : ""}<RmtInf><Ustrd>batch</Ustrd></RmtInf></TxDtls>`
      ).join("")
    const split = await parse(
      camt(entry(`${n}.00`, `<NtryDtls>${details(true)}</NtryDtls>`), `${n}.00`)
    )
    expect(split.lines).toHaveLength(n)
    expect(new Set(split.lines.map((l) => l.external_id)).size).toBe(n)
    const whole = await parse(
      camt(
        entry(`${n}.00`, `<NtryDtls>${details(false)}</NtryDtls>`),
        `${n}.00`
      )
    )
    expect(whole.lines).toHaveLength(1)
    for (const i of [0, 1, n - 1]) {
      expect(whole.lines[0].memo).toContain(`DH${9000 + i}Z`)
    }
  })

  it("takes the payer's reference from the end-to-end id when the free text is generic (shared case)", async () => {
    const s = await parse(fixture("camt053-reference-in-endtoendid.xml"))
    expect(s.lines).toHaveLength(1)
    expect(s.lines[0]).toMatchObject({
      amount: "2430000",
      currency_code: "VND",
      payer_reference: "DH43C",
      memo: "THANH TOAN DON HANG DH43C",
      bank_references: ["E2E188353"],
      external_id: "E2E188353",
    })
  })
})

describe("MT940: every :61: line is a line, whatever its references", () => {
  it("reads all 16 lines of a statement whose lines repeat bank references, customer references and NONREF", async () => {
    const s = await parse(fixture("statement-16.mt940"))
    expect(s.lines.map((l) => [l.line, l.direction, l.amount])).toEqual([
      ["line 6", "in", "2430000"],
      ["line 8", "in", "1000000"],
      ["line 10", "in", "1000000"],
      ["line 12", "out", "11000"],
      ["line 14", "out", "11000"],
      ["line 16", "in", "500000"],
      ["line 18", "in", "500000"],
      ["line 20", "in", "250000"],
      ["line 29", "in", "250000"],
      ["line 31", "in", "1250000"],
      ["line 33", "in", "75000"],
      ["line 35", "in", "11000"],
      ["line 37", "in", "3000000"],
      ["line 39", "out", "3000000"],
      ["line 41", "in", "99000"],
      ["line 43", "in", "99000"],
    ])
    expect(new Set(s.lines.map((l) => l.line)).size).toBe(16)
    expect(s.accounts.map((a) => [a.opening, a.closing])).toEqual([
      ["10000000", "15658000"],
      ["15658000", "17442000"],
    ])
  })

  it("keys no two lines alike for the import: a reference repeated in the file, or the payer's, is no external id", async () => {
    const s = await parse(fixture("statement-16.mt940"))
    expect(s.lines.map((l) => l.external_id)).toEqual([
      "FT26334000001",
      null, // FT26334000002 twice
      null,
      null, // FEE three times
      null,
      null, // no bank reference: DH1043M is the customer's
      null,
      null,
      null,
      "FT26335000010",
      "FT26335000011",
      null,
      null, // FT26335000013 in and out
      null,
      null, // FT26335000015 twice
      null,
    ])
    expect(new Set(importKeys(s.lines)).size).toBe(16)
    // The bank's keys and the payer's references are kept apart, as given.
    expect(
      s.lines.map((l) => [l.payer_reference, l.bank_references])[1]
    ).toEqual([null, ["FT26334000002"]])
    expect(
      s.lines.map((l) => [l.payer_reference, l.bank_references, l.memo])[6]
    ).toEqual(["DH1043M", [], "thanh toan DH1043M"])
    expect(
      s.lines.map((l) => [l.payer_reference, l.bank_references, l.memo])[9]
    ).toEqual(["INV/2026/001", ["FT26335000010"], "hoa don INV/2026/001"])
  })

  it("refuses a file where a statement opens before the previous one is closed, rather than drop its lines", async () => {
    const text = fixture("statement-16.mt940")
      .toString()
      .replace(":62F:C261130VND15658000,\n-}\n", "-}\n")
    const e = await refusal(text)
    expect(e).toBeInstanceOf(StatementError)
    expect(e.message).toBe(
      "line 2: structurally incomplete statement: no closing balance (:62F:) after its 8 :61: line(s)"
    )
  })
})

describe("OFX: payer references and account-qualified FITIDs", () => {
  it("reads REFNUM or CHECKNUM as the payer's reference and keys FITID within its account; lines on one line stay apart", async () => {
    const ofx =
      "OFXHEADER:100\nDATA:OFXSGML\n\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>EUR<BANKACCTFROM><ACCTID>DE89370400440532013000</BANKACCTFROM><BANKTRANLIST>" +
      "<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20261130<TRNAMT>24.30<FITID>F1<REFNUM>DH1042K<MEMO>Payment</STMTTRN>" +
      "<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20261130<TRNAMT>24.30<FITID>F1<CHECKNUM>1042<MEMO>Payment</STMTTRN>" +
      "</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>"
    const s = await parse(ofx)
    expect(
      s.lines.map((l) => [
        l.line,
        l.amount,
        l.memo,
        l.payer_reference,
        l.bank_references,
        l.external_id,
      ])
    ).toEqual([
      [
        "<STMTTRN> 1.1 at line 4",
        "24.30",
        "Payment DH1042K",
        "DH1042K",
        ["DE89370400440532013000:F1"],
        null,
      ],
      [
        "<STMTTRN> 1.2 at line 4",
        "24.30",
        "Payment 1042",
        "1042",
        ["DE89370400440532013000:F1"],
        null,
      ],
    ])
  })
})

describe("CSV and every format: amounts in the currency's minor units", () => {
  it("refuses a VND amount with cents, naming the row, instead of storing what no order can take", async () => {
    const e = await refusal(
      "Ngày giao dịch;Số tiền ghi có;Nội dung\n23/11/2026;1.250.000,50;DH1042K\n"
    )
    expect(e).toBeInstanceOf(StatementError)
    expect(e.message).toBe(
      "no transaction line could be read: row 2: amount: 1250000.50 has more decimals than VND allows (0)"
    )
  })

  it("refuses an unknown currency code, naming the row", async () => {
    const e = await refusal(
      "Date,Amount,Description,Currency\n2026-11-23,100,DH1042K,ABC\n"
    )
    expect(e).toBeInstanceOf(StatementError)
    expect(e.message).toBe(
      'no transaction line could be read: row 2: currency: "ABC" is not an ISO 4217 currency code'
    )
  })

  it("refuses a camt amount finer than its currency, naming the entry", async () => {
    const xml = camt(entry("10.005", ""), "10.005").replace(/CHF/g, "EUR")
    const e = await refusal(xml)
    expect(e).toBeInstanceOf(StatementError)
    expect(e.message).toMatch(
      /^Stmt\[1\](\/Ntry\[1\])?: amount: 10\.005 has more decimals than EUR allows \(2\)$/
    )
  })

  it("normalises amounts to the currency's decimals, and drops a CSV reference that repeats", async () => {
    const s = await parse(
      "Date,Amount,Description,Reference,Currency\n2026-11-23,12.5,A,R1,USD\n2026-11-23,12.5,A,R1,USD\n2026-11-23,7,B,R2,USD\n"
    )
    expect(
      s.lines.map((l) => [l.line, l.amount, l.external_id, l.bank_references])
    ).toEqual([
      ["row 2", "12.50", null, ["R1"]],
      ["row 3", "12.50", null, ["R1"]],
      ["row 4", "7.00", "R2", ["R2"]],
    ])
    expect(new Set(importKeys(s.lines)).size).toBe(3)
  })
})
