import { parseStatement, StatementError } from "../index"
import { readOfxTree } from "../ofx-tree"

const MAX = 1024 * 1024
const parse = (text: string) =>
  parseStatement(Buffer.from(text), { maxBytes: MAX })
const refusal = (text: string) =>
  parse(text).then(
    () => null,
    (e) => e
  )
const sgml = (transactions: string) =>
  [
    "OFXHEADER:100",
    "DATA:OFXSGML",
    "VERSION:160",
    "",
    "<OFX>",
    "<BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>EUR",
    "<BANKACCTFROM><BANKID>1<ACCTID>ACC-1<ACCTTYPE>CHECKING</BANKACCTFROM>",
    "<BANKTRANLIST>",
    transactions,
    "</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1>",
    "</OFX>",
  ].join("\n")

describe("OFX 1.6 (SGML) and 2.2 (XML)", () => {
  it("skips SGML comments: a tag inside <!-- --> is not read", async () => {
    const s = await parse(
      sgml(
        [
          "<!-- <STMTTRN><TRNAMT>999<FITID>GHOST</STMTTRN> -->",
          "<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20261130<TRNAMT>120.00",
          "<!-- a comment",
          "   over two lines <MEMO>not this -->",
          "<FITID>F1<REFNUM>DH42K<MEMO>order</STMTTRN>",
        ].join("\n")
      )
    )
    expect(
      s.lines.map((l) => [
        l.line,
        l.amount,
        l.memo,
        l.payer_reference,
        l.bank_references,
      ])
    ).toEqual([
      [
        "<STMTTRN> 1.1 at line 10",
        "120.00",
        "order DH42K",
        "DH42K",
        ["ACC-1:F1"],
      ],
    ])
  })

  it("refuses a TRNAMT with a currency sign or thousands separators, naming the line", async () => {
    const e = await refusal(
      sgml(
        "<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20261130\n<TRNAMT>$120<FITID>F1</STMTTRN>"
      )
    )
    expect(e).toBeInstanceOf(StatementError)
    expect(e.message).toBe(
      'no transaction line could be read: <STMTTRN> 1.1 at line 9: TRNAMT at line 10: "$120" is not an OFX amount (TRNAMT: digits, an optional sign and decimal mark)'
    )
    const thousands = await refusal(
      sgml(
        "<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20261130<TRNAMT>1,200.00<FITID>F1</STMTTRN>"
      )
    )
    expect(thousands.message).toMatch(/"1,200.00" is not an OFX amount/)
  })

  it("refuses 30 February in DTPOSTED instead of moving it to March", async () => {
    const e = await refusal(
      sgml(
        "<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20260230120000[+7:ICT]<TRNAMT>1<FITID>F1</STMTTRN>"
      )
    )
    expect(e.message).toBe(
      "no transaction line could be read: <STMTTRN> 1.1 at line 9: DTPOSTED at line 9: 2026-02-30 is not a real date"
    )
  })

  it("reads OFX 2.2 XML with empty and self-closed elements, entities and a CURRENCY aggregate", async () => {
    const s = await parse(
      `<?xml version="1.0" encoding="UTF-8"?>
<?OFX OFXHEADER="200" VERSION="220"?>
<OFX><CREDITCARDMSGSRSV1><CCSTMTTRNRS><CCSTMTRS><CURDEF>USD</CURDEF>
<CCACCTFROM><ACCTID>4111</ACCTID></CCACCTFROM>
<BANKTRANLIST>
<STMTTRN><TRNTYPE>CREDIT</TRNTYPE><DTPOSTED>20261130235959.000[-5:EST]</DTPOSTED><TRNAMT>-7.5</TRNAMT><FITID>X1</FITID><NAME>A &amp; B</NAME><MEMO></MEMO><SIC/>
<CURRENCY><CURRATE>1.0</CURRATE><CURSYM>EUR</CURSYM></CURRENCY></STMTTRN>
</BANKTRANLIST></CCSTMTRS></CCSTMTTRNRS></CREDITCARDMSGSRSV1></OFX>`
    )
    expect(
      s.lines.map((l) => [
        l.booked_at.toISOString(),
        l.amount,
        l.direction,
        l.currency_code,
        l.counterparty_name,
        l.memo,
        l.bank_references,
      ])
    ).toEqual([
      [
        "2026-12-01T04:59:59.000Z",
        "7.50",
        "out",
        "EUR",
        "A & B",
        "A & B",
        ["4111:X1"],
      ],
    ])
  })

  it("builds the element tree: SGML leaves closed by the next tag, aggregates by their end tag", () => {
    const root = readOfxTree(
      "<OFX><A><B>1\n<C>two words</A><!-- <D>x --><E>3</E></OFX>"
    )
    const shape = (e: any): any => [
      e.name,
      e.line,
      e.value,
      e.children.map(shape),
    ]
    expect(shape(root.children[0])).toEqual([
      "OFX",
      1,
      null,
      [
        [
          "A",
          1,
          null,
          [
            ["B", 1, "1", []],
            ["C", 2, "two words", []],
          ],
        ],
        ["E", 2, "3", []],
      ],
    ])
  })

  it("refuses an unterminated comment, naming its line", async () => {
    const e = await refusal(sgml("<!-- never closed"))
    expect(e.message).toBe("line 9: unterminated comment <!--")
  })
})
