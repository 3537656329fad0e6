import type { ParsedStatement, StatementLine } from "./types"
import { StatementError } from "./types"
import { guardXml } from "./guard"
import { parseAmount } from "./values"
import { cleanReference, withPayerReference } from "./line-identity"

/**
 * OFX 1.x (SGML, tags left open) and 2.x (XML). Both are read by the same small tag scanner, since
 * OFX's statement part is flat: one `<STMTTRN>` block per transaction, FITID as the bank's id.
 * A line's `line` is its place: `<STMTTRN> s.k at line n` (k-th transaction of the s-th statement).
 */
export function parseOfx(text: string): ParsedStatement {
  guardXml(text)
  if (!/<OFX>/i.test(text)) {
    throw new StatementError("no <OFX> element: not an OFX file")
  }
  const out: ParsedStatement = { format: "ofx", accounts: [], lines: [] }
  const statements = blocks(text, "STMTRS").concat(blocks(text, "CCSTMTRS"))
  if (!statements.length) {
    throw new StatementError("no <STMTRS> statement in the OFX file")
  }
  statements.forEach((stmt, st) => {
    const currency = (value(stmt.body, "CURDEF") ?? "").toUpperCase() || null
    const account = value(stmt.body, "ACCTID")
    if (!account) {
      throw new StatementError("no <ACCTID>", `line ${stmt.line}`)
    }
    out.accounts.push({ account, currency })
    // Numbered as well as placed: an OFX file may be written on a single line.
    blocks(stmt.body, "STMTTRN", stmt.line).forEach((trn, k) => {
      out.lines.push(
        transaction(
          trn.body,
          `<STMTTRN> ${st + 1}.${k + 1} at line ${trn.line}`,
          account,
          currency
        )
      )
    })
  })
  return out
}

function transaction(
  body: string,
  where: string,
  account: string,
  currency: string | null
): StatementLine {
  const amountText = value(body, "TRNAMT")
  const amount = parseAmount(
    amountText,
    `${where}, TRNAMT`,
    amountText?.includes(",") && !amountText.includes(".") ? "," : "."
  )
  if (!amount || amount.value === "0") {
    throw new StatementError("no amount (TRNAMT)", where)
  }
  const posted = value(body, "DTPOSTED")
  const m = posted?.match(
    /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?(?:\.\d+)?(?:\[([+-]?\d+(?:\.\d+)?)(?::\w+)?\])?/
  )
  if (!m) {
    throw new StatementError(`"${posted}" is not an OFX date (DTPOSTED)`, where)
  }
  const offsetHours = m[7] !== undefined ? Number(m[7]) : m[4] ? 0 : 7
  const bookedAt = new Date(
    Date.UTC(
      +m[1],
      +m[2] - 1,
      +m[3],
      +(m[4] ?? 0),
      +(m[5] ?? 0),
      +(m[6] ?? 0)
    ) -
      offsetHours * 3600_000
  )
  const fitid = value(body, "FITID")
  if (!fitid) {
    throw new StatementError("no FITID", where)
  }
  const name = value(body, "NAME") ?? value(body, "PAYEE")
  const payerReference =
    cleanReference(value(body, "REFNUM")) ??
    cleanReference(value(body, "CHECKNUM"))
  return {
    line: where,
    external_id: fitid,
    account,
    booked_at: bookedAt,
    amount: amount.value,
    currency_code: (value(body, "CURRENCY") ?? currency ?? "VND").toUpperCase(),
    direction: amount.negative ? "out" : "in",
    memo: withPayerReference(
      [value(body, "MEMO"), name]
        .filter(Boolean)
        .join(" ")
        .replace(/\s+/g, " ")
        .trim(),
      payerReference
    ),
    counterparty_name: name,
    counterparty_account: value(body, "BANKACCTTO")
      ? value(value(body, "BANKACCTTO")!, "ACCTID")
      : null,
    payer_reference: payerReference,
    // A FITID is unique only within its account: the key is "<ACCTID>:<FITID>".
    bank_references: [`${account}:${fitid}`],
    raw: {
      fitid,
      trntype: value(body, "TRNTYPE"),
      dtposted: posted,
      trnamt: amountText,
    },
  }
}

/** The content of every <TAG>…</TAG> block, with the line it starts on. */
function blocks(text: string, tag: string, baseLine = 1) {
  const out: { body: string; line: number }[] = []
  const re = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, "gi")
  for (const m of text.matchAll(re)) {
    out.push({
      body: m[1],
      line: baseLine + text.slice(0, m.index).split("\n").length - 1,
    })
  }
  return out
}

/** A leaf element's value: `<TAG>value` (SGML) or `<TAG>value</TAG>` (XML). */
function value(text: string, tag: string): string | null {
  const m = text.match(new RegExp(`<${tag}>([^<\\r\\n]*)`, "i"))
  return m ? decode(m[1].trim()) || null : null
}

const decode = (s: string) =>
  s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&")
