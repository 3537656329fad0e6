import type { ParsedStatement, RejectedLine, StatementLine } from "./types"
import { StatementError } from "./types"
import { guardXml } from "./guard"
import { calendarDate, parseAmount } from "./values"
import { cleanReference, withPayerReference } from "./line-identity"
import { all, first, indexByName, readOfxTree, valueOf } from "./ofx-tree"
import type { OfxElement } from "./ofx-tree"
import { readLine } from "./rejected-lines"

/**
 * OFX 1.x (1.0.2–1.6, SGML: leaf tags left open) and 2.x (2.0–2.2, XML), read by one linear
 * tokenizer (readOfxTree). Each `<STMTRS>` (bank) or `<CCSTMTRS>` (card) statement gives an
 * account (`BANKACCTFROM`/`CCACCTFROM` `ACCTID`, currency `CURDEF`); each `<STMTTRN>` in it one
 * line: `TRNAMT` (signed, "." or "," decimals, nothing else), `DTPOSTED`
 * (`YYYYMMDD[HHMMSS[.XXX]][[±H:TZ]]`, Vietnam time when it has no time of day), `FITID` as the
 * bank's id (unique within its account: `<ACCTID>:<FITID>`), `REFNUM` or `CHECKNUM` as the payer's
 * reference, `NAME`/`PAYEE` and `MEMO` as memo. A line's `line` is its place:
 * `<STMTTRN> s.k at line n` (k-th transaction of the s-th statement; a file may be one line).
 * A transaction that cannot be read (amount, date, no FITID) is listed in `rejected_lines`: OFX
 * states no balance this parser checks, so the rest may be committed.
 */
export function parseOfx(text: string): ParsedStatement {
  guardXml(text)
  const root = readOfxTree(text)
  const ofx = first(root, "OFX")
  if (!ofx) {
    throw new StatementError("no <OFX> element: not an OFX file")
  }
  const out: ParsedStatement = { format: "ofx", accounts: [], lines: [] }
  const rejected: RejectedLine[] = []
  const statements = all(ofx, ["STMTRS", "CCSTMTRS"])
  if (!statements.length) {
    throw new StatementError("no <STMTRS> statement in the OFX file")
  }
  statements.forEach((stmt, st) => {
    const currency = (valueOf(stmt, "CURDEF") ?? "").toUpperCase() || null
    const from = first(stmt, "BANKACCTFROM") ?? first(stmt, "CCACCTFROM")
    const account = valueOf(from, "ACCTID") ?? valueOf(stmt, "ACCTID")
    if (!account) {
      throw new StatementError("no <ACCTID>", `line ${stmt.line}`)
    }
    out.accounts.push({ account, currency })
    all(stmt, ["STMTTRN"]).forEach((trn, k) => {
      const where = `<STMTTRN> ${st + 1}.${k + 1} at line ${trn.line}`
      const line = readLine(where, rejected, () =>
        transaction(trn, where, account, currency)
      )
      if (line) {
        out.lines.push(line)
      }
    })
  })
  return rejected.length ? { ...out, rejected_lines: rejected } : out
}

/** OFX amounts: an optional sign, digits, one "." or "," decimal mark. "$120" or "1,200.00" is refused. */
const OFX_AMOUNT = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)$/

function transaction(
  trn: OfxElement,
  where: string,
  account: string,
  currency: string | null
): StatementLine {
  const elements = indexByName(trn)
  const leaf = (name: string) => elements.get(name) ?? null
  const value = (name: string) => elements.get(name)?.value ?? null
  const amountEl = leaf("TRNAMT")
  const amountText = amountEl?.value ?? null
  if (amountText !== null && !OFX_AMOUNT.test(amountText)) {
    throw new StatementError(
      `"${amountText}" is not an OFX amount (TRNAMT: digits, an optional sign and decimal mark)`,
      `${where}, TRNAMT at line ${amountEl!.line}`
    )
  }
  const amount = parseAmount(
    amountText,
    `${where}, TRNAMT`,
    amountText?.includes(",") ? "," : "."
  )
  if (!amount || amount.value === "0") {
    throw new StatementError("no amount (TRNAMT)", where)
  }
  const postedEl = leaf("DTPOSTED")
  const bookedAt = ofxDate(
    postedEl?.value ?? null,
    `${where}, DTPOSTED${postedEl ? ` at line ${postedEl.line}` : ""}`
  )
  const fitid = value("FITID")
  if (!fitid) {
    throw new StatementError("no FITID", where)
  }
  const name = value("NAME") ?? value("PAYEE")
  const payerReference =
    cleanReference(value("REFNUM")) ?? cleanReference(value("CHECKNUM"))
  const currencyEl = leaf("CURRENCY") ?? leaf("ORIGCURRENCY")
  const lineCurrency =
    currencyEl?.value ?? valueOf(currencyEl, "CURSYM") ?? currency ?? "VND"
  return {
    line: where,
    external_id: fitid,
    account,
    booked_at: bookedAt,
    amount: amount.value,
    currency_code: lineCurrency.toUpperCase(),
    direction: amount.negative ? "out" : "in",
    memo: withPayerReference(
      [value("MEMO"), name]
        .filter(Boolean)
        .join(" ")
        .replace(/\s+/g, " ")
        .trim(),
      payerReference
    ),
    counterparty_name: name,
    counterparty_account: valueOf(
      leaf("BANKACCTTO") ?? leaf("CCACCTTO"),
      "ACCTID"
    ),
    payer_reference: payerReference,
    // A FITID is unique only within its account: the key is "<ACCTID>:<FITID>".
    bank_references: [`${account}:${fitid}`],
    raw: {
      fitid,
      trntype: value("TRNTYPE"),
      dtposted: postedEl?.value ?? null,
      trnamt: amountText,
    },
  }
}

/**
 * OFX datetime `YYYYMMDD[HHMMSS[.XXX]][[±H[.MM]:TZ]]`: without a zone, UTC when a time is given
 * (OFX's default) and Vietnam time for a bare date. 20260230 is refused, never 2 March.
 */
function ofxDate(posted: string | null, at: string): Date {
  const m = posted?.match(
    /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?(?:\.\d+)?(?:\[([+-]?\d+(?:\.\d+)?)(?::\w+)?\])?$/
  )
  if (!m) {
    throw new StatementError(`"${posted ?? ""}" is not an OFX date`, at)
  }
  const offsetHours = m[7] !== undefined ? Number(m[7]) : m[4] ? 0 : 7
  return calendarDate(
    +m[1],
    +m[2],
    +m[3],
    at,
    { h: +(m[4] ?? 0), mi: +(m[5] ?? 0), s: +(m[6] ?? 0) },
    offsetHours
  )
}
