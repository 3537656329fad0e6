import { parseStatement } from "../index"
import type { StatementLine } from "../types"
import { fingerprint } from "../../fingerprint"
import { fromMinorUnits, toMinorUnits } from "../../../money/minor-units"

/**
 * Property: for generated statements (random numbers of lines, references and memos repeated
 * across lines, camt entries split into details), the parser returns exactly the generated lines:
 * the same count, the same amounts in order, the same sums in minor units, each line in its own
 * place and with its own import key. A small seeded PRNG keeps every run the same.
 */

function prng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Gen = {
  direction: "in" | "out"
  minor: bigint
  memo: string
  ref: string
  day: number
}
type Generated = { text: string; currency: string; lines: Gen[] }

const MEMOS = [
  "DH1042K chuyen khoan",
  "DH1042K chuyen khoan",
  "thanh toan",
  "Phi SMS",
  "CK",
  "DH2001A 0101234567001",
  "chuyen tien",
]
const REFS = [
  "FT26334000001",
  "FT26334000002",
  "FEE",
  "NONREF",
  "REF-7",
  "FT26334000009",
]

function makeLines(rand: () => number, currency: string, max = 14): Gen[] {
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]
  const scale = currency === "VND" ? 1000n : 1n
  return Array.from({ length: 1 + Math.floor(rand() * max) }, () => ({
    direction: rand() < 0.75 ? ("in" as const) : ("out" as const),
    minor:
      BigInt(1 + Math.floor(rand() * 5000)) *
      scale *
      (rand() < 0.3 ? 1000n : 1n),
    memo: pick(MEMOS),
    ref: pick(REFS),
    day: 1 + Math.floor(rand() * 2),
  }))
}

const signed = (l: { direction: "in" | "out"; minor: bigint }) =>
  l.direction === "in" ? l.minor : -l.minor
const total = (ls: { direction: "in" | "out"; minor: bigint }[]) =>
  ls.reduce((s, l) => s + signed(l), 0n)
const dec = (minor: bigint, currency: string, comma = false) => {
  const s = fromMinorUnits(minor < 0n ? -minor : minor, currency)
  return comma ? s.replace(".", ",") : s
}

function camt(rand: () => number): Generated {
  const currency = rand() < 0.5 ? "VND" : "EUR"
  const lines: Gen[] = []
  const entries: string[] = []
  let ref = 0
  for (const group of chunk(makeLines(rand, currency), rand)) {
    ref++
    // A group of one, or of several lines of one direction, booked as one entry with details.
    const direction = group[0].direction
    group.forEach((g) => (g.direction = direction))
    const amount = group.reduce((s, g) => s + g.minor, 0n)
    const details = group
      .map(
        (g, i) =>
          `<TxDtls><Refs><AcctSvcrRef>${group.length > 1 && rand() < 0.5 ? `E${ref}` : `${g.ref}-${i}`}</AcctSvcrRef><EndToEndId>${rand() < 0.5 ? "NOTPROVIDED" : g.ref}</EndToEndId></Refs>` +
          `${group.length > 1 ? (rand() < 0.5 ? `<Amt Ccy="${currency}">${dec(g.minor, currency)}</Amt>` : `<AmtDtls><TxAmt><Amt Ccy="${currency}">${dec(g.minor, currency)}</Amt></TxAmt></AmtDtls>`) : ""}` +
          `<RmtInf><Ustrd>${g.memo}</Ustrd></RmtInf></TxDtls>`
      )
      .join("")
    entries.push(
      `<Ntry><Amt Ccy="${currency}">${dec(amount, currency)}</Amt><CdtDbtInd>${direction === "in" ? "CRDT" : "DBIT"}</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>` +
        `<BookgDt><Dt>2026-12-0${group[0].day}</Dt></BookgDt><AcctSvcrRef>${rand() < 0.3 ? "SAME" : `E${ref}`}</AcctSvcrRef><NtryDtls>${details}</NtryDtls></Ntry>`
    )
    lines.push(...group)
  }
  const opening = 100_000_000n
  const closing = opening + total(lines)
  const bal = (code: string, v: bigint) =>
    `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="${currency}">${dec(v, currency)}</Amt><CdtDbtInd>${v < 0n ? "DBIT" : "CRDT"}</CdtDbtInd><Dt><Dt>2026-12-02</Dt></Dt></Bal>`
  const text = `<?xml version="1.0" encoding="UTF-8"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><GrpHdr><MsgId>G</MsgId><CreDtTm>2026-12-02T23:00:00</CreDtTm></GrpHdr><Stmt><Id>S</Id><Acct><Id><Othr><Id>0071000123456</Id></Othr></Id><Ccy>${currency}</Ccy></Acct>${bal("OPBD", opening)}${bal("CLBD", closing)}\n${entries.join("\n")}\n</Stmt></BkToCstmrStmt></Document>`
  return { text, currency, lines }
}

/** Splits lines into groups of 1 to 3 (camt entries). */
function chunk(lines: Gen[], rand: () => number): Gen[][] {
  const out: Gen[][] = []
  for (let i = 0; i < lines.length;) {
    const n = Math.min(
      lines.length - i,
      rand() < 0.6 ? 1 : 2 + Math.floor(rand() * 2)
    )
    out.push(lines.slice(i, i + n))
    i += n
  }
  return out
}

function mt940(rand: () => number): Generated {
  const currency = rand() < 0.5 ? "VND" : "USD"
  const lines = makeLines(rand, currency, 20)
  const out: string[] = []
  let opening = 50_000_000n
  // One or two statements in the file.
  const cut = rand() < 0.5 ? lines.length : Math.floor(lines.length / 2)
  for (const part of [lines.slice(0, cut), lines.slice(cut)]) {
    if (!part.length) {
      continue
    }
    const closing = opening + total(part)
    out.push(
      `{1:F01BFTVVNVXAXXX0000000000}{2:I940BFTVVNVXXXXXN}{4:`,
      `:20:STMT`,
      `:25:0071000123456`,
      `:28C:1/1`,
      `:60F:${opening < 0n ? "D" : "C"}26120${part[0].day}${currency}${dec(opening, currency, true)}`
    )
    for (const l of part) {
      const bank = rand() < 0.2 ? "" : `//${l.ref}`
      const customer = rand() < 0.6 ? "NONREF" : l.ref
      out.push(
        `:61:26120${l.day}120${l.day}${l.direction === "in" ? "C" : "D"}${dec(l.minor, currency, true)}NTRF${customer}${bank}`,
        `:86:${l.memo}`
      )
    }
    out.push(
      `:62F:${closing < 0n ? "D" : "C"}26120${part[part.length - 1].day}${currency}${dec(closing, currency, true)}`,
      "-}"
    )
    opening = closing
  }
  return { text: out.join("\n") + "\n", currency, lines }
}

function ofx(rand: () => number): Generated {
  const currency = rand() < 0.5 ? "VND" : "EUR"
  const lines = makeLines(rand, currency, 20)
  const sep = rand() < 0.5 ? "\n" : "" // some banks write the whole file on one line
  const trns = lines.map(
    (l) =>
      `<STMTTRN>${sep}<TRNTYPE>${l.direction === "in" ? "CREDIT" : "DEBIT"}${sep}<DTPOSTED>2026120${l.day}${sep}<TRNAMT>${l.direction === "out" ? "-" : ""}${dec(l.minor, currency)}${sep}<FITID>${l.ref}${sep}${rand() < 0.5 ? `<REFNUM>${l.ref}${sep}` : ""}<MEMO>${l.memo}${sep}</STMTTRN>`
  )
  const text = `OFXHEADER:100\nDATA:OFXSGML\n\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>${currency}<BANKACCTFROM><ACCTID>0071000123456</BANKACCTFROM><BANKTRANLIST>${sep}${trns.join(sep)}${sep}</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>\n`
  return { text, currency, lines }
}

function csv(rand: () => number): Generated {
  const vietnamese = rand() < 0.5
  const currency = vietnamese ? "VND" : "USD"
  const lines = makeLines(rand, currency, 25)
  const thousands = (minor: bigint) =>
    minor.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ".")
  const rows = vietnamese
    ? [
        "SAO KÊ TÀI KHOẢN",
        "",
        "Ngày giao dịch;Số tham chiếu;Số tiền ghi nợ;Số tiền ghi có;Nội dung",
      ].concat(
        lines.map(
          (l) =>
            `0${l.day}/12/2026;${l.ref};${l.direction === "out" ? thousands(l.minor) : ""};${l.direction === "in" ? thousands(l.minor) : ""};${l.memo}`
        )
      )
    : ["Date,Amount,Description,Reference,Currency"].concat(
        lines.map(
          (l) =>
            `2026-12-0${l.day},${l.direction === "out" ? "-" : ""}${dec(l.minor, currency)},${l.memo},${l.ref},USD`
        )
      )
  return { text: rows.join("\n") + "\n", currency, lines }
}

/** A key per line from what it carries (external_id, else fingerprint and occurrence): every line its own. */
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

describe.each([
  ["camt.053", camt],
  ["MT940", mt940],
  ["OFX", ofx],
  ["CSV", csv],
])("%s: the parsed lines are the generated ones", (_name, generate) => {
  it.each(Array.from({ length: 30 }, (_, i) => i + 1))(
    "seed %i",
    async (seed) => {
      const g = generate(prng(seed * 7919))
      const parsed = await parseStatement(Buffer.from(g.text), {
        maxBytes: 10 * 1024 * 1024,
        mapping: g.text.startsWith("Date,")
          ? {
              date: "Date",
              amount: "Amount",
              memo: "Description",
              reference: "Reference",
              currency: "Currency",
              date_format: "yyyy-mm-dd",
              decimal_separator: ".",
            }
          : undefined,
      })
      const minor = parsed.lines.map((l) => ({
        direction: l.direction,
        minor: toMinorUnits(l.amount, l.currency_code),
      }))
      expect(parsed.lines).toHaveLength(g.lines.length)
      expect(minor).toEqual(
        g.lines.map((l) => ({ direction: l.direction, minor: l.minor }))
      )
      expect(total(minor)).toBe(total(g.lines))
      expect(
        minor
          .filter((l) => l.direction === "in")
          .reduce((s, l) => s + l.minor, 0n)
      ).toBe(
        g.lines
          .filter((l) => l.direction === "in")
          .reduce((s, l) => s + l.minor, 0n)
      )
      expect(new Set(parsed.lines.map((l) => l.currency_code))).toEqual(
        new Set([g.currency])
      )
      expect(new Set(parsed.lines.map((l) => l.line)).size).toBe(g.lines.length)
      expect(new Set(importKeys(parsed.lines)).size).toBe(g.lines.length)
    }
  )
})
