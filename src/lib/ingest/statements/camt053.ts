import { XMLParser } from "fast-xml-parser"
import type { ParsedStatement, StatementLine } from "./types"
import { StatementError } from "./types"
import { checkBalance } from "./balance"
import { guardXml } from "./guard"
import { parseAmount } from "./values"

const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v])
const text = (v: any): string | null => (v === undefined || v === null ? null : typeof v === "object" ? (v["#text"] ?? null) : String(v))

/**
 * ISO 20022 camt.053 (any version: namespaces are dropped), parsed with fast-xml-parser with
 * entities off. Booked entries only; a batch entry yields one line per transaction detail.
 */
export function parseCamt053(xml: string): ParsedStatement {
  guardXml(xml)
  let doc: any
  try {
    doc = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: "@",
      removeNSPrefix: true,
      processEntities: false,
      parseTagValue: false,
      isArray: (name) => ["Stmt", "Ntry", "NtryDtls", "TxDtls", "Bal", "Ustrd"].includes(name),
    }).parse(xml, true)
  } catch (e: any) {
    throw new StatementError(`not well-formed XML: ${e.message}`)
  }
  const statements = list(doc?.Document?.BkToCstmrStmt?.Stmt)
  if (!statements.length) throw new StatementError("no Document/BkToCstmrStmt/Stmt element: not a camt.053 statement")
  const out: ParsedStatement = { format: "camt053", accounts: [], lines: [] }
  statements.forEach((stmt: any, s) => {
    const where = `Stmt[${s + 1}]`
    const account = text(stmt.Acct?.Id?.IBAN) ?? text(stmt.Acct?.Id?.Othr?.Id)
    if (!account) throw new StatementError("no account (Acct/Id)", where)
    const balances = list(stmt.Bal).map((b: any) => ({
      code: text(b.Tp?.CdOrPrtry?.Cd) ?? text(b.Tp?.CdOrPrtry?.Prtry),
      amount: requireAmount(b.Amt, `${where}/Bal`),
      negative: text(b.CdtDbtInd) === "DBIT",
      currency: b.Amt?.["@Ccy"],
    }))
    const opening = balances.find((b) => b.code === "OPBD" || b.code === "PRCD")
    const closing = balances.find((b) => b.code === "CLBD")
    const currency = (text(stmt.Acct?.Ccy) ?? opening?.currency ?? closing?.currency ?? "").toUpperCase() || null
    const lines: StatementLine[] = []
    list(stmt.Ntry).forEach((ntry: any, n) => {
      const at = `${where}/Ntry[${n + 1}]`
      const status = text(ntry.Sts?.Cd) ?? text(ntry.Sts)
      if (status !== "BOOK") return
      lines.push(...entryLines(ntry, at, account, currency))
    })
    if (opening && closing) {
      checkBalance(where, currency ?? "VND", { amount: opening.amount, negative: opening.negative }, { amount: closing.amount, negative: closing.negative }, lines)
    }
    out.accounts.push({ account, currency, opening: opening?.amount, closing: closing?.amount })
    out.lines.push(...lines)
  })
  return out
}

function requireAmount(amt: any, where: string) {
  const parsed = parseAmount(text(amt), where, ".")
  if (!parsed) throw new StatementError("missing amount (Amt)", where)
  return parsed.value
}

function entryLines(ntry: any, at: string, account: string, currency: string | null): StatementLine[] {
  const amount = requireAmount(ntry.Amt, `${at}/Amt`)
  const direction = text(ntry.CdtDbtInd) === "DBIT" ? "out" : "in"
  const ccy = (ntry.Amt?.["@Ccy"] ?? currency ?? "").toUpperCase()
  if (!ccy) throw new StatementError("no currency (Amt/@Ccy)", at)
  const date = text(ntry.BookgDt?.DtTm) ?? text(ntry.BookgDt?.Dt)
  if (!date) throw new StatementError("no booking date (BookgDt)", at)
  const bookedAt = /T/.test(date) ? new Date(date) : new Date(`${date}T00:00:00+07:00`)
  if (isNaN(bookedAt.getTime())) throw new StatementError(`"${date}" is not a date`, `${at}/BookgDt`)
  const entryRef = text(ntry.AcctSvcrRef)
  const details = list(ntry.NtryDtls).flatMap((d: any) => list(d.TxDtls))
  const parts = details.length ? details : [undefined]
  // A batch: each transaction detail is its own line when it carries its own amount.
  const split = details.length > 1 && details.every((d: any) => d?.Amt || d?.AmtDtls?.TxAmt?.Amt)
  return (split ? details : [parts[0]]).map((tx: any, i: number) => {
    const where = split ? `${at}/NtryDtls/TxDtls[${i + 1}]` : at
    const memo = [
      ...list(tx?.RmtInf?.Ustrd).map(text),
      text(tx?.RmtInf?.Strd?.CdtrRefInf?.Ref),
      text(ntry.AddtlNtryInf),
    ]
      .filter(Boolean)
      .join(" ")
      .replace(/\s+/g, " ")
      .trim()
    const party = direction === "in" ? tx?.RltdPties?.Dbtr : tx?.RltdPties?.Cdtr
    const partyAccount = direction === "in" ? tx?.RltdPties?.DbtrAcct : tx?.RltdPties?.CdtrAcct
    const txRef = text(tx?.Refs?.AcctSvcrRef)
    return {
      line: where,
      external_id: split ? (txRef ?? (entryRef ? `${entryRef}/${i + 1}` : null)) : (entryRef ?? txRef),
      account,
      booked_at: bookedAt,
      amount: split ? requireAmount(tx.Amt ?? tx.AmtDtls.TxAmt.Amt, `${where}/Amt`) : amount,
      currency_code: ccy,
      direction,
      memo,
      counterparty_name: text(party?.Nm) ?? text(party?.Pty?.Nm),
      counterparty_account: text(partyAccount?.Id?.IBAN) ?? text(partyAccount?.Id?.Othr?.Id),
      raw: { entry: ntry.NtryRef ?? null, acct_svcr_ref: entryRef, tx_ref: txRef, end_to_end: text(tx?.Refs?.EndToEndId) },
    }
  })
}
