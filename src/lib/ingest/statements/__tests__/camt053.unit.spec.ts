import { readFileSync } from "fs"
import path from "path"
import { parseStatement, StatementError } from "../index"
import { extractIdentifiers } from "../../../match/memo"

const MAX = 1024 * 1024
const parse = (text: string | Buffer) =>
  parseStatement(Buffer.isBuffer(text) ? text : Buffer.from(text), {
    maxBytes: MAX,
  })
const refusal = (text: string) =>
  parse(text).then(
    () => null,
    (e) => e
  )

const statement = (opts: {
  acctCcy?: string
  closingCcy?: string
  inner?: string
}) => `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.10"><BkToCstmrStmt><GrpHdr><MsgId>T</MsgId><CreDtTm>2026-12-01T08:00:00</CreDtTm></GrpHdr>
<Stmt><Id>S</Id><Acct><Id><IBAN>NL91ABNA0417164300</IBAN></Id>${opts.acctCcy ? `<Ccy>${opts.acctCcy}</Ccy>` : ""}</Acct>
<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">10.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-30</Dt></Dt></Bal>
<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="${opts.closingCcy ?? "EUR"}">35.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-30</Dt></Dt></Bal>
<Ntry><Amt Ccy="EUR">25.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2026-11-30</Dt></BookgDt><AcctSvcrRef>B-1</AcctSvcrRef>
<NtryDtls><TxDtls>${opts.inner ?? ""}</TxDtls></NtryDtls></Ntry>
</Stmt></BkToCstmrStmt></Document>`

describe("ISO 20022 camt.053: balances in the statement's currency", () => {
  it("refuses a closing balance (CLBD) in another currency than the account's", async () => {
    const e = await refusal(statement({ acctCcy: "EUR", closingCcy: "USD" }))
    expect(e).toBeInstanceOf(StatementError)
    expect(e.message).toBe(
      "Stmt[1]/Bal[2]: the closing balance (CLBD) is in USD, but the statement is in EUR: its balances cannot be checked"
    )
  })

  it("without Acct/Ccy, the entries' currency is the statement's", async () => {
    const e = await refusal(statement({ closingCcy: "CHF" }))
    expect(e.message).toMatch(
      /^Stmt\[1\]\/Bal\[2\]: the closing balance \(CLBD\) is in CHF, but the statement is in EUR/
    )
    const ok = await parse(statement({}))
    expect(ok.accounts[0]).toMatchObject({ currency: "EUR", closing: "35" })
  })
})

describe("ISO 20022 camt.053: the payer's references", () => {
  it("the shared case: the EndToEndId alone carries the order reference, and the matcher finds it", async () => {
    const s = await parse(
      readFileSync(
        path.join(__dirname, "fixtures", "camt053-reference-in-endtoendid.xml")
      )
    )
    expect(s.lines).toHaveLength(1)
    const [line] = s.lines
    expect(line.payer_reference).toBe("DH43C")
    expect(line.memo).toBe("THANH TOAN DON HANG DH43C")
    const ids = extractIdentifiers(line.memo, { prefixes: ["DH"] })
    expect(ids.references.map((r) => `${r.body}${r.check ?? ""}`)).toEqual([
      "DH43C",
    ])
    expect(ids.orderNumbers).toContain("43")
  })

  it("a structured creditor reference (Strd/CdtrRefInf/Ref) when there is no end-to-end id, with several Strd", async () => {
    const s = await parse(
      statement({
        acctCcy: "EUR",
        inner:
          "<Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs><RmtInf><Ustrd>Bestelling</Ustrd><Strd><CdtrRefInf><Ref>RF18DH77Q</Ref></CdtrRefInf></Strd><Strd><CdtrRefInf><Ref>SECOND</Ref></CdtrRefInf></Strd></RmtInf>",
      })
    )
    expect(s.lines.map((l) => [l.payer_reference, l.memo])).toEqual([
      ["RF18DH77Q", "Bestelling RF18DH77Q SECOND"],
    ])
  })
})
