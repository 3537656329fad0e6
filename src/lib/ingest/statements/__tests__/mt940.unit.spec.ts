import { parseStatement, StatementError } from "../index"
import { parseMt940Details } from "../mt940-details"

const MAX = 1024 * 1024
const parse = (text: string | Buffer) =>
  parseStatement(Buffer.isBuffer(text) ? text : Buffer.from(text), {
    maxBytes: MAX,
  })
const refusal = (text: string | Buffer) =>
  parse(text).then(
    () => null,
    (e) => e
  )

/** Two statements as ABN AMRO writes them: header lines, then fields, then a "-" line. */
const abnAmro = [
  "ABNANL2A",
  "940",
  "ABNANL2A",
  ":20:ABN AMRO BANK NV",
  ":25:417164300",
  ":28:30101/1",
  ":60F:C261130EUR1000,00",
  ":61:2611301130C250,00N654NONREF",
  ":86:/TRTP/SEPA OVERBOEKING/IBAN/NL44RABO0123456789/BIC/RABONL2U/NAME/",
  "J DE VRIES/REMI/BESTELLING DH42K FACTUUR INV/2026/7/EREF/E2E-7781",
  ":62F:C261130EUR1250,00",
  ":86:SALDO NA AFSLUITING",
  "-",
  "ABNANL2A",
  "940",
  "ABNANL2A",
  ":20:ABN AMRO BANK NV",
  ":25:417164300",
  ":28:30102/1",
  ":60F:C261130EUR1250,00",
  ":86:statement information, not about a line",
  ":61:2612011201D12,50N192PAY-77//BANK-1",
  ":86:GIRO   428428 KPN BETALINGSKENM.  000000042188659",
  ":62F:C261201EUR1237,50",
  "-",
  "",
].join("\r\n")

describe("MT940 (SWIFT): several statements in one file", () => {
  it("reads every statement of an ABN AMRO file, ignoring header lines and statement-level :86:", async () => {
    const s = await parse(abnAmro)
    expect(s.accounts).toEqual([
      {
        account: "417164300",
        currency: "EUR",
        opening: "1000",
        closing: "1250",
      },
      {
        account: "417164300",
        currency: "EUR",
        opening: "1250",
        closing: "1237.50",
      },
    ])
    expect(
      s.lines.map((l) => ({
        line: l.line,
        amount: l.amount,
        direction: l.direction,
        memo: l.memo,
        name: l.counterparty_name,
        account: l.counterparty_account,
        payer: l.payer_reference,
        bank: l.bank_references,
      }))
    ).toEqual([
      {
        line: "line 8",
        amount: "250.00",
        direction: "in",
        memo: "BESTELLING DH42K FACTUUR INV/2026/7 E2E-7781",
        name: "J DE VRIES",
        account: "NL44RABO0123456789",
        payer: "E2E-7781",
        bank: [],
      },
      {
        line: "line 22",
        amount: "12.50",
        direction: "out",
        memo: "GIRO 428428 KPN BETALINGSKENM. 000000042188659 PAY-77",
        name: null,
        account: null,
        payer: "PAY-77",
        bank: ["BANK-1"],
      },
    ])
  })

  it("reads statements in SWIFT envelopes, the first field on the envelope's line", async () => {
    const s = await parse(
      [
        "{1:F01ABNANL2AXXXX0000000000}{2:I940ABNANL2AXXXXN}{4::20:ONE",
        ":25:1",
        ":60F:C261130VND0,",
        ":61:261130C1000,NTRFNONREF//A1",
        ":62F:C261130VND1000,",
        "-}{5:}",
        "{1:F01ABNANL2AXXXX0000000000}{2:I940ABNANL2AXXXXN}{4:",
        ":20:TWO",
        ":25:1",
        ":60F:C261130VND1000,",
        ":61:261201C500,NTRFNONREF//A2",
        ":62F:C261201VND1500,",
        "-}",
      ].join("\n")
    )
    expect(s.lines.map((l) => [l.line, l.amount, l.external_id])).toEqual([
      ["line 4", "1000", "A1"],
      ["line 11", "500", "A2"],
    ])
  })
})

describe("MT940 :86: details", () => {
  it("structured ?20-?29 with SEPA keywords: SVWZ+ is the text, EREF+ the payer's reference", () => {
    expect(
      parseMt940Details(
        "166?00SEPA-GUTSCHRIFT?20EREF+RE-2026-0042?21SVWZ+Bestellung DH4\n2K Danke?22 schoen?30COBADEFFXXX?31DE02100100100006820101?32Max Muster?33mann GmbH"
      )
    ).toEqual({
      memo: "Bestellung DH42K Danke schoen",
      counterparty_name: "Max Mustermann GmbH",
      counterparty_account: "DE02100100100006820101",
      end_to_end: "RE-2026-0042",
    })
  })

  it("structured ?20-?29 without keywords are concatenated as the text", () => {
    expect(parseMt940Details("?20DH1042K ?21THANH TOAN?32CTY A").memo).toBe(
      "DH1042K THANH TOAN"
    )
  })

  it("Rabobank slash tags: /CNTP/ account and name, /REMI/USTD// text", () => {
    expect(
      parseMt940Details(
        "/EREF/NOTPROVIDED//CNTP/NL77ABNA0574908765/ABNANL2A/P JANSEN/AMSTERDAM//REMI/USTD//DH77Q/"
      )
    ).toEqual({
      memo: "DH77Q",
      counterparty_name: "P JANSEN",
      counterparty_account: "NL77ABNA0574908765",
      end_to_end: "NOTPROVIDED",
    })
  })

  it("uses the :61: customer reference and the EREF as payer references, NONREF/NOTPROVIDED as none", async () => {
    const s = await parse(
      [
        ":20:S",
        ":25:1",
        ":60F:C261130EUR0,",
        ":61:261130C10,NTRFORDER-5//B1",
        ":86:?20EREF+E-1?21SVWZ+hello",
        ":61:261130C10,NTRFNONREF//B2",
        ":86:/EREF/NOTPROVIDED/REMI/plain",
        ":62F:C261130EUR20,",
      ].join("\n")
    )
    expect(s.lines.map((l) => [l.payer_reference, l.memo])).toEqual([
      ["ORDER-5", "hello ORDER-5 E-1"],
      [null, "plain"],
    ])
  })
})

describe("MT940: refused files", () => {
  const one = (line61: string, opening = ":60F:C260227EUR0,") =>
    [":20:S", ":25:1", opening, line61, ":62F:C260301EUR10,"].join("\n")

  it("an impossible value date (30 February) names its line; it never becomes 2 March", async () => {
    // The line is unreadable, and the balances need its 10 EUR: the file is refused naming it.
    const e = await refusal(one(":61:260230C10,NTRFNONREF//B1"))
    expect(e).toBeInstanceOf(StatementError)
    expect(e.message).toBe(
      'statement ending line 5: balances do not add up: opening 0.00 + movements = 0.00, but the closing balance is 10.00 EUR; the file cannot be imported without its unreadable line(s): line 4 (:61:): date "260230": 2026-02-30 is not a real date'
    )
    const entry = await refusal(one(":61:2602270230C10,NTRFNONREF//B1"))
    expect(entry.message).toBe(
      'statement ending line 5: balances do not add up: opening 0.00 + movements = 0.00, but the closing balance is 10.00 EUR; the file cannot be imported without its unreadable line(s): line 4 (:61:): entry date "0230": 2026-02-30 is not a real date'
    )
    const bal = await refusal(
      one(":61:260227C10,NTRFNONREF//B1", ":60F:C261331EUR0,")
    )
    expect(bal.message).toBe(
      'line 3 (:60F:), date "261331": 2026-13-31 is not a real date'
    )
  })

  it("a file of opening balances only is structurally incomplete, naming the line", async () => {
    const e = await refusal(":60F:C261130EUR0,\n:60F:C261130EUR0,\n")
    expect(e).toBeInstanceOf(StatementError)
    expect(e.message).toBe(
      "line 2 (:60F:): structurally incomplete statement: a second opening balance before the closing balance (:62F:) of the statement starting line 1"
    )
    const only = await refusal(":20:S\n:25:1\n:60F:C261130EUR0,\n")
    expect(only.message).toBe(
      "line 1: structurally incomplete statement: no closing balance (:62F:)"
    )
  })

  it("a closing balance in another currency than the opening", async () => {
    const e = await refusal(
      ":20:S\n:25:1\n:60F:C261130EUR0,\n:62F:C261130USD0,\n"
    )
    expect(e.message).toBe(
      "statement ending line 4: the closing balance is in USD, the opening balance in EUR"
    )
  })
})
