import type { ParsedStatement, RejectedLine, StatementLine } from "./types"
import { StatementError } from "./types"
import { checkBalance } from "./balance"
import { guardXml, guardXmlBytes } from "./guard"
import { readLines } from "./rejected-lines"
import { streamXml } from "./xml-stream"
import { entryLines, list, requireAmount, text } from "./camt053-entry"

const ARRAYS = new Set(["Stmt", "Ntry", "NtryDtls", "TxDtls", "Bal", "Ustrd"])
const STMT_PATH = ["Document", "BkToCstmrStmt", "Stmt"]

/**
 * ISO 20022 camt.053 (any version: namespaces are dropped), read as a stream (xml-stream.ts, saxes
 * with entities left as written): only the current statement's header (account, balances) and the
 * current entry are held, never the document; each entry becomes its lines when it closes. Booked
 * entries only; a batch entry yields one line per transaction detail that carries its own amount
 * (camt053-entry.ts). An entry that cannot be read is listed in `rejected_lines`, kept only if the
 * statement's balances add up without it. A line's `line` is its place: `Stmt[s]/Ntry[n]` or
 * `Stmt[s]/Ntry[n]/NtryDtls/TxDtls[d]`, counting every entry of the statement.
 *
 * Takes the file's bytes (UTF-8, checked by the caller: guardTextBytes) or, for tests, its text.
 */
export function parseCamt053(input: Buffer | string): ParsedStatement {
  const buf = typeof input === "string" ? Buffer.from(input, "utf8") : input
  if (typeof input === "string") {
    guardXml(input)
  } else {
    guardXmlBytes(buf)
  }
  const out: ParsedStatement = {
    format: "camt053",
    accounts: [],
    lines: [],
    rejected_lines: [],
  }
  let documents = 0
  let statements = 0
  let current: StatementReader | null = null
  streamXml(buf, ARRAYS, {
    route: (path) =>
      path.length <= STMT_PATH.length
        ? path[path.length - 1] === STMT_PATH[path.length - 1]
          ? "descend"
          : "skip"
        : "keep",
    open: (path) => {
      if (path.length === 2) {
        documents++
      } else if (path.length === 3 && documents === 1) {
        current = new StatementReader(++statements)
      }
    },
    kept: (path, value) => {
      if (path[3] === "Ntry") {
        current?.entry(value)
      } else {
        current?.headerElement(path[3], value)
      }
    },
    close: (path) => {
      if (path.length === 3 && current) {
        current.finish(out)
        current = null
      }
    },
  })
  // Two BkToCstmrStmt elements: the document tree had a list there, and no statement under it.
  if (!statements || documents > 1) {
    throw new StatementError(
      "no Document/BkToCstmrStmt/Stmt element: not a camt.053 statement"
    )
  }
  if (!out.rejected_lines!.length) {
    delete out.rejected_lines
  }
  return out
}

type Settled = { account: string; currency: string | null }

/**
 * One `Stmt`, read as it streams: its header elements (Acct, Bal, …) as they come, its entries
 * into lines as soon as the account and the currency are known (in a schema-valid file, from the
 * first entry on: Acct and Bal come before the entries). Entries that come before that are held.
 */
class StatementReader {
  private readonly where: string
  private readonly header: Record<string, any> = {}
  private settled: Settled | null = null
  private pending: { ntry: any; n: number }[] = []
  private entries = 0
  private entryCurrency: string | undefined
  private readonly lines: StatementLine[] = []
  private readonly rejected: RejectedLine[] = []

  constructor(index: number) {
    this.where = `Stmt[${index}]`
  }

  /** A child of Stmt other than an entry, attached as the document tree had it. */
  headerElement(name: string, value: any) {
    const had = this.header[name]
    if (ARRAYS.has(name)) {
      ;(had ?? (this.header[name] = [])).push(value)
    } else if (had === undefined) {
      this.header[name] = value
    } else if (Array.isArray(had)) {
      had.push(value)
    } else {
      this.header[name] = [had, value]
    }
  }

  entry(ntry: any) {
    const n = ++this.entries
    this.entryCurrency ??= ntry?.Amt?.["@Ccy"] || undefined
    if (this.settled) {
      this.read(ntry, n)
      return
    }
    this.pending.push({ ntry, n })
    const account = accountOf(this.header)
    if (
      account &&
      (text(this.header.Acct?.Ccy) !== null || this.entryCurrency)
    ) {
      this.settle({
        account,
        currency: statementCurrency(this.header, this.entryCurrency),
      })
    }
  }

  private settle(settled: Settled) {
    this.settled = settled
    for (const p of this.pending) {
      this.read(p.ntry, p.n)
    }
    this.pending = []
  }

  private read(ntry: any, n: number) {
    const at = `${this.where}/Ntry[${n}]`
    const status = text(ntry.Sts?.Cd) ?? text(ntry.Sts)
    if (status !== "BOOK") {
      return
    }
    const { account, currency } = this.settled!
    // An entry that cannot be read (amount, date, details not adding up) is left out whole.
    for (const line of readLines(at, this.rejected, () =>
      entryLines(ntry, at, account, currency)
    )) {
      this.lines.push(line)
    }
  }

  /** The statement's end: its account, balances and currency checked, its lines added to `out`. */
  finish(out: ParsedStatement) {
    const { where, header: stmt } = this
    const account = accountOf(stmt)
    if (!account) {
      throw new StatementError("no account (Acct/Id)", where)
    }
    const balances = list(stmt.Bal).map((b: any) => ({
      code: text(b.Tp?.CdOrPrtry?.Cd) ?? text(b.Tp?.CdOrPrtry?.Prtry),
      amount: requireAmount(b.Amt, `${where}/Bal`),
      negative: text(b.CdtDbtInd) === "DBIT",
      currency: b.Amt?.["@Ccy"],
    }))
    const opening = balances.find((b) => b.code === "OPBD" || b.code === "PRCD")
    const closing = balances.find((b) => b.code === "CLBD")
    const currency = statementCurrency(
      stmt,
      this.entryCurrency,
      opening,
      closing
    )
    for (const b of [opening, closing]) {
      const ccy = String(b?.currency ?? "").toUpperCase()
      if (b && ccy && currency && ccy !== currency) {
        throw new StatementError(
          `the ${b === closing ? "closing" : "opening"} balance (${b.code}) is in ${ccy}, but the statement is in ${currency}: its balances cannot be checked`,
          `${where}/Bal[${balances.indexOf(b) + 1}]`
        )
      }
    }
    if (!this.settled) {
      this.settle({ account, currency })
    } else if (
      this.settled.account !== account ||
      this.settled.currency !== currency
    ) {
      // Only a file against the schema's order gets here: a second Acct after the entries.
      throw new StatementError(
        "the account (Acct) changes after the first entries (Ntry)",
        where
      )
    }
    const { lines, rejected } = this
    if (opening && closing) {
      checkBalance(
        where,
        currency ?? "VND",
        { amount: opening.amount, negative: opening.negative },
        { amount: closing.amount, negative: closing.negative },
        lines,
        rejected
      )
    }
    out.rejected_lines!.push(...rejected)
    out.accounts.push({
      account,
      currency,
      opening: opening?.amount,
      closing: closing?.amount,
    })
    for (const line of lines) {
      out.lines.push(line)
    }
  }
}

const accountOf = (stmt: any): string | null =>
  text(stmt.Acct?.Id?.IBAN) ?? text(stmt.Acct?.Id?.Othr?.Id)

/**
 * The statement's currency: the account's (`Acct/Ccy`), else that of its first entry
 * (`Ntry/Amt/@Ccy`), else that of its balances. Every balance must then be in it.
 */
function statementCurrency(
  stmt: any,
  entry: string | undefined,
  opening?: { currency?: string },
  closing?: { currency?: string }
): string | null {
  return (
    String(
      text(stmt.Acct?.Ccy) ??
        entry ??
        opening?.currency ??
        closing?.currency ??
        ""
    ).toUpperCase() || null
  )
}
