import { parseStatement, StatementError } from "../index"
import { compactLine } from "../compact-line"
import type { StatementLine } from "../types"

const parse = (xml: string) =>
  parseStatement(Buffer.from(xml), { maxBytes: 64 * 1024 * 1024 })

/** A camt.053 with `n` booked credits of 1,000 VND, each memo in Vietnamese (multi-byte UTF-8). */
function camt(n: number, extra = "") {
  const entries: string[] = []
  for (let i = 0; i < n; i++) {
    entries.push(
      `<Ntry><Amt Ccy="VND">1000</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2026-11-30</Dt></BookgDt>` +
        `<AcctSvcrRef>FT${i}</AcctSvcrRef><NtryDtls><TxDtls><RmtInf><Ustrd>Thanh toán đơn hàng DH${i} – cảm ơn</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>`
    )
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><Stmt>
<Acct><Id><Othr><Id>0071000123456</Id></Othr></Id><Ccy>VND</Ccy></Acct>
<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="VND">0</Amt><CdtDbtInd>CRDT</CdtDbtInd></Bal>
<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="VND">${n * 1000}</Amt><CdtDbtInd>CRDT</CdtDbtInd></Bal>
${entries.join("\n")}${extra}
</Stmt></BkToCstmrStmt></Document>`
}

describe("camt.053 read as a stream", () => {
  it("reads every entry of a file many chunks long, multi-byte characters across chunk ends intact", async () => {
    // About 700 KB: eleven 64 KB chunks, whose ends fall inside entries and inside characters.
    const parsed = await parse(camt(3000))
    expect(parsed.lines).toHaveLength(3000)
    parsed.lines.forEach((l, i) => {
      expect(l.memo).toBe(`Thanh toán đơn hàng DH${i} – cảm ơn`)
      expect(l.line).toBe(`Stmt[1]/Ntry[${i + 1}]`)
      expect(l.external_id).toBe(`FT${i}`)
    })
    expect(parsed.accounts[0].closing).toBe("3000000")
  })

  it("refuses elements nested 100,000 deep at once, as no statement", async () => {
    const xml = camt(1, "<a>".repeat(100_000) + "</a>".repeat(100_000))
    await expect(parse(xml)).rejects.toThrow(StatementError)
    await expect(parse(xml)).rejects.toThrow(
      "XML elements nested more than 100 deep: not a bank statement"
    )
  })

  it("refuses a DOCTYPE far into the file, naming its line", async () => {
    const xml = camt(1000, "\n<!DOCTYPE x>")
    const line = xml.slice(0, xml.indexOf("<!DOCTYPE")).split("\n").length
    await expect(parse(xml)).rejects.toThrow(
      `line ${line}: <!DOCTYPE> is not allowed in a statement (entity expansion)`
    )
  })

  it("refuses XML that is not well-formed after the statements that were read", async () => {
    const e = await parse(camt(1000).replace("</Document>", "</Documen>")).then(
      () => null,
      (err) => err
    )
    expect(e).toBeInstanceOf(StatementError)
    expect(e.message).toMatch(/^not well-formed XML: /)
  })

  it("keeps entity references as written, as before (entities are never processed)", async () => {
    const parsed = await parse(
      camt(1).replace("Thanh toán", "A &amp; B &#273;")
    )
    expect(parsed.lines[0].memo).toBe("A &amp; B &#273; đơn hàng DH0 – cảm ơn")
  })
})

describe("compactLine", () => {
  it("changes no value: every string equal, arrays and raw record the same", () => {
    const ref = `${"FT".repeat(8)}${Math.random()}`
    const line: StatementLine = {
      line: `Stmt[${1}]/Ntry[${42}]`,
      external_id: ref.slice(2),
      account: "0071000123456",
      booked_at: new Date("2026-11-30T00:00:00+07:00"),
      amount: "1000",
      currency_code: "VND",
      direction: "in",
      memo: `Thanh toán ${"đơn hàng ".repeat(3)}` + "DH1",
      counterparty_name: null,
      counterparty_account: null,
      payer_reference: "\ud800 lone surrogate kept",
      bank_references: [ref.slice(2)],
      raw: { a: ref.slice(2), b: 5, c: null, d: "x" },
    }
    const before = JSON.parse(JSON.stringify(line))
    compactLine(line)
    expect(JSON.parse(JSON.stringify(line))).toEqual(before)
    expect(line.booked_at).toBeInstanceOf(Date)
    expect(line.payer_reference).toBe("\ud800 lone surrogate kept")
  })
})
