/**
 * Statement files of any length for the parsing bench, written here (no bank's file is copied): one
 * account, VND, `n` booked lines (every tenth a debit), balances that add up, a memo with an order
 * number. Each generator returns the whole file as a Buffer; `n` is the number of statement lines
 * (transactions), whatever the number of text lines the format needs for one.
 */
import writeXlsxFile from "write-excel-file/node"

export const ACCOUNT = "0071000123456"
export const FORMATS = ["CSV", "XLSX", "CAMT.053", "MT940", "OFX"] as const
export type BenchFormat = (typeof FORMATS)[number]

const OPENING = 1_000_000_000n

/** The i-th line's amount in đồng (whole units), direction and day of November 2026. */
function movement(i: number) {
  return {
    amount: 100_000 + (i % 997) * 1000,
    credit: i % 10 !== 0,
    day: String(1 + (i % 28)).padStart(2, "0"),
    memo: `MBVCB.${3278900000 + i}.DH${10000 + i}K CT tu 0011004123456`,
  }
}

/** opening + every movement of an n-line file, as an integer (no floats for money). */
function closing(n: number): bigint {
  let total = OPENING
  for (let i = 0; i < n; i++) {
    const m = movement(i)
    total += m.credit ? BigInt(m.amount) : -BigInt(m.amount)
  }
  return total
}

function csv(n: number): Buffer {
  const rows = [
    "NGAN HANG TMCP NGOAI THUONG VIET NAM;;;;",
    `So tai khoan: ${ACCOUNT};;;;`,
    ";;;;",
    "Ngày giao dịch;Số tham chiếu;Số tiền ghi nợ;Số tiền ghi có;Mô tả",
  ]
  for (let i = 0; i < n; i++) {
    const m = movement(i)
    const amount = m.amount.toLocaleString("de-DE")
    rows.push(
      `${m.day}/11/2026 09:15;REF-${i};${m.credit ? "" : amount};${m.credit ? amount : ""};"${m.memo}"`
    )
  }
  return Buffer.from(rows.join("\n"))
}

async function xlsx(n: number): Promise<Buffer> {
  const rows: unknown[][] = [
    [{ value: `So tai khoan: ${ACCOUNT}` }],
    [
      { value: "Ngày giao dịch" },
      { value: "Số tham chiếu" },
      { value: "Số tiền ghi nợ" },
      { value: "Số tiền ghi có" },
      { value: "Mô tả" },
    ],
  ]
  for (let i = 0; i < n; i++) {
    const m = movement(i)
    const amount = { type: Number, value: m.amount }
    rows.push([
      { value: `${m.day}/11/2026` },
      { value: `REF-${i}` },
      m.credit ? null : amount,
      m.credit ? amount : null,
      { value: m.memo },
    ])
  }
  return (writeXlsxFile(rows as any) as any).toBuffer()
}

function camt(n: number): Buffer {
  const parts = [
    `<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><Stmt>`,
    `<Acct><Id><Othr><Id>${ACCOUNT}</Id></Othr></Id><Ccy>VND</Ccy></Acct>`,
    `<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="VND">${OPENING}</Amt><CdtDbtInd>CRDT</CdtDbtInd></Bal>`,
    `<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="VND">${closing(n)}</Amt><CdtDbtInd>CRDT</CdtDbtInd></Bal>`,
  ]
  for (let i = 0; i < n; i++) {
    const m = movement(i)
    parts.push(
      `<Ntry><Amt Ccy="VND">${m.amount}</Amt><CdtDbtInd>${m.credit ? "CRDT" : "DBIT"}</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>` +
        `<BookgDt><Dt>2026-11-${m.day}</Dt></BookgDt><AcctSvcrRef>FT${1000000 + i}</AcctSvcrRef>` +
        `<NtryDtls><TxDtls><Refs><EndToEndId>E2E${i}</EndToEndId></Refs><RmtInf><Ustrd>${m.memo}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>`
    )
  }
  parts.push(`</Stmt></BkToCstmrStmt></Document>`)
  return Buffer.from(parts.join("\n"))
}

function mt940(n: number): Buffer {
  const parts = [
    ":20:STMT2611",
    `:25:${ACCOUNT}`,
    ":28C:1/1",
    `:60F:C261101VND${OPENING},`,
  ]
  for (let i = 0; i < n; i++) {
    const m = movement(i)
    parts.push(
      `:61:2611${m.day}11${m.day}${m.credit ? "C" : "D"}${m.amount},NTRFE2E${i}//FT${1000000 + i}`,
      `:86:${m.memo}`
    )
  }
  parts.push(`:62F:C261130VND${closing(n)},`, "-")
  return Buffer.from(parts.join("\r\n"))
}

function ofx(n: number): Buffer {
  const parts = [
    "OFXHEADER:100",
    "DATA:OFXSGML",
    "VERSION:102",
    "SECURITY:NONE",
    "ENCODING:UTF-8",
    "CHARSET:NONE",
    "COMPRESSION:NONE",
    "OLDFILEUID:NONE",
    "NEWFILEUID:NONE",
    "",
    "<OFX>",
    "<BANKMSGSRSV1><STMTTRNRS><TRNUID>1<STMTRS>",
    "<CURDEF>VND",
    `<BANKACCTFROM><BANKID>VCB<ACCTID>${ACCOUNT}<ACCTTYPE>CHECKING</BANKACCTFROM>`,
    "<BANKTRANLIST><DTSTART>20261101<DTEND>20261130",
  ]
  for (let i = 0; i < n; i++) {
    const m = movement(i)
    parts.push(
      "<STMTTRN>",
      `<TRNTYPE>${m.credit ? "CREDIT" : "DEBIT"}`,
      `<DTPOSTED>202611${m.day}`,
      `<TRNAMT>${m.credit ? "" : "-"}${m.amount}`,
      `<FITID>FT${1000000 + i}`,
      `<NAME>NGUYEN VAN A`,
      `<MEMO>${m.memo}`,
      "</STMTTRN>"
    )
  }
  parts.push(
    "</BANKTRANLIST>",
    `<LEDGERBAL><BALAMT>${closing(n)}<DTASOF>20261130</LEDGERBAL>`,
    "</STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>"
  )
  return Buffer.from(parts.join("\n"))
}

/** An n-line statement file in `format`. */
export async function statementFile(
  format: BenchFormat,
  n: number
): Promise<Buffer> {
  switch (format) {
    case "CSV":
      return csv(n)
    case "XLSX":
      return xlsx(n)
    case "CAMT.053":
      return camt(n)
    case "MT940":
      return mt940(n)
    case "OFX":
      return ofx(n)
  }
}
