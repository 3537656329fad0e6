import type { StatementLine } from "./types"
import { StatementError } from "./types"
import { parseAmount } from "./values"
import {
  cleanReference,
  distinctReferences,
  withPayerReference,
} from "./line-identity"
import { fromMinorUnits, toMinorUnits } from "../../money/minor-units"

/** One booked entry of a camt.053 statement (one `Ntry` subtree) into its lines. */

export const list = <T>(v: T | T[] | undefined): T[] =>
  v === undefined ? [] : Array.isArray(v) ? v : [v]
export const text = (v: any): string | null =>
  v === undefined || v === null
    ? null
    : typeof v === "object"
      ? (v["#text"] ?? null)
      : String(v)

export function requireAmount(amt: any, where: string) {
  const parsed = parseAmount(text(amt), where, ".")
  if (!parsed) {
    throw new StatementError("missing amount (Amt)", where)
  }
  return parsed.value
}

/** The detail's own amount in the entry's currency: `Amt` (camt.053.001.03+) or `AmtDtls/TxAmt/Amt`. */
function detailAmount(tx: any, ccy: string): any {
  for (const amt of [tx?.Amt, tx?.AmtDtls?.TxAmt?.Amt]) {
    if (amt === undefined || amt === null) {
      continue
    }
    const c = typeof amt === "object" ? amt["@Ccy"] : undefined
    if (!c || String(c).toUpperCase() === ccy) {
      return amt
    }
  }
  return undefined
}

function detailMemo(tx: any): string[] {
  return [
    ...list(tx?.RmtInf?.Ustrd).map(text),
    ...list(tx?.RmtInf?.Strd).map((st: any) => text(st?.CdtrRefInf?.Ref)),
  ].filter((v): v is string => !!v)
}

const oneSpace = (parts: (string | null)[]) =>
  parts.filter(Boolean).join(" ").replace(/\s+/g, " ").trim()

/**
 * One line per booked entry, or one per transaction detail when an entry (a batch) holds several
 * details that each carry their own amount: then the details must add up to the entry, or the
 * file is refused naming the entry. No detail is ever dropped: an entry that is not split keeps
 * the memos and references of all its details.
 */
export function entryLines(
  ntry: any,
  at: string,
  account: string,
  currency: string | null
): StatementLine[] {
  const amount = requireAmount(ntry.Amt, `${at}/Amt`)
  const direction: "in" | "out" = text(ntry.CdtDbtInd) === "DBIT" ? "out" : "in"
  const ccy: string = (ntry.Amt?.["@Ccy"] ?? currency ?? "").toUpperCase()
  if (!ccy) {
    throw new StatementError("no currency (Amt/@Ccy)", at)
  }
  const date = text(ntry.BookgDt?.DtTm) ?? text(ntry.BookgDt?.Dt)
  if (!date) {
    throw new StatementError("no booking date (BookgDt)", at)
  }
  const bookedAt = /T/.test(date)
    ? new Date(date)
    : new Date(`${date}T00:00:00+07:00`)
  if (isNaN(bookedAt.getTime())) {
    throw new StatementError(`"${date}" is not a date`, `${at}/BookgDt`)
  }
  const entryRef = cleanReference(text(ntry.AcctSvcrRef))
  const ntryRef = cleanReference(text(ntry.NtryRef))
  const details = list(ntry.NtryDtls).flatMap((d: any) => list(d.TxDtls))
  const amounts = details.map((tx: any) => detailAmount(tx, ccy))
  // A batch: each transaction detail is its own line when it carries its own amount.
  const split = details.length > 1 && amounts.every((a) => a !== undefined)
  const txRef = (tx: any) => cleanReference(text(tx?.Refs?.AcctSvcrRef))
  // The payer's own reference: the end-to-end id, else the first structured creditor reference.
  const payerRef = (tx: any) =>
    distinctReferences(
      text(tx?.Refs?.EndToEndId),
      ...list(tx?.RmtInf?.Strd).map((st: any) => text(st?.CdtrRefInf?.Ref))
    )[0] ?? null
  const party = (tx: any) =>
    direction === "in" ? tx?.RltdPties?.Dbtr : tx?.RltdPties?.Cdtr
  const partyAccount = (tx: any) =>
    direction === "in" ? tx?.RltdPties?.DbtrAcct : tx?.RltdPties?.CdtrAcct
  const line = (
    tx: any,
    where: string,
    lineAmount: string,
    memoParts: string[],
    payer: string | null,
    refs: string[],
    externalId: string | null
  ): StatementLine => ({
    line: where,
    external_id: externalId,
    account,
    booked_at: bookedAt,
    amount: lineAmount,
    currency_code: ccy,
    direction,
    memo: withPayerReference(
      oneSpace([...memoParts, text(ntry.AddtlNtryInf)]),
      payer
    ),
    counterparty_name: text(party(tx)?.Nm) ?? text(party(tx)?.Pty?.Nm),
    counterparty_account:
      text(partyAccount(tx)?.Id?.IBAN) ?? text(partyAccount(tx)?.Id?.Othr?.Id),
    payer_reference: payer,
    bank_references: refs,
    raw: {
      entry: ntryRef,
      acct_svcr_ref: entryRef,
      tx_ref: txRef(tx),
      end_to_end: text(tx?.Refs?.EndToEndId),
    },
  })

  if (!split) {
    // One line: the entry's amount, with what all its details say (a batch whose details carry no
    // amounts of their own still names every order it pays).
    const first = details[0]
    const payers = distinctReferences(...details.map(payerRef))
    const refs = distinctReferences(
      entryRef,
      ntryRef,
      ...details.flatMap((tx: any) => [txRef(tx), text(tx?.Refs?.TxId)])
    )
    const memoParts = details.flatMap(detailMemo)
    // Another detail's reference that its own memo does not hold is added, so the line names every
    // order it pays. Each is looked for in its own detail's memo only: a search of every memo for
    // every reference grows with the square of a batch's size (thousands of details).
    const unstated = details
      .map((tx: any) => {
        const p = payerRef(tx)
        return p && !detailMemo(tx).some((m) => m.includes(p)) ? p : null
      })
      .filter(Boolean)
    const firstPayer = (payers[0] ?? "").toUpperCase()
    for (const p of distinctReferences(...unstated)) {
      if (p.toUpperCase() !== firstPayer) {
        memoParts.push(p)
      }
    }
    return [
      line(
        first,
        at,
        amount,
        memoParts,
        payers[0] ?? null,
        refs,
        entryRef ?? (details.length === 1 ? txRef(first) : null)
      ),
    ]
  }

  const parsed = details.map((tx: any, i: number) => {
    const where = `${at}/NtryDtls/TxDtls[${i + 1}]`
    return { tx, where, amount: requireAmount(amounts[i], `${where}/Amt`) }
  })
  let sum = 0n
  try {
    for (const p of parsed) {
      sum += toMinorUnits(p.amount, ccy)
    }
    const total = toMinorUnits(amount, ccy)
    if (sum !== total) {
      throw new StatementError(
        `its ${parsed.length} transaction details add up to ${fromMinorUnits(sum, ccy)} ${ccy}, not the entry's ${fromMinorUnits(total, ccy)} ${ccy}`,
        at
      )
    }
  } catch (e: any) {
    throw e instanceof StatementError
      ? e
      : new StatementError(`amount: ${e.message}`, at)
  }
  // A detail's own bank id is its external id, unless the details of this entry share one (then
  // the entry's id and the detail's place in it, which is unique).
  // (Sets and counts, not indexOf/findIndex: a batch may hold thousands of details.)
  const ids = parsed.map((p) => txRef(p.tx))
  const distinct = ids.every(Boolean) && new Set(ids).size === ids.length
  // A detail's keys are its own: none that the entry or another detail of it also carries.
  const keys = parsed.map((p) =>
    distinctReferences(txRef(p.tx), text(p.tx?.Refs?.TxId))
  )
  const upper = (k: string) => k.toUpperCase()
  const shared = new Set(
    [entryRef, ntryRef].filter((k): k is string => !!k).map(upper)
  )
  const seen = new Set<string>()
  for (const k of keys.flat().map(upper)) {
    if (seen.has(k)) {
      shared.add(k)
    }
    seen.add(k)
  }
  return parsed.map((p, i) =>
    line(
      p.tx,
      p.where,
      p.amount,
      detailMemo(p.tx),
      payerRef(p.tx),
      keys[i].filter((k) => !shared.has(upper(k))),
      distinct ? ids[i] : entryRef ? `${entryRef}/${i + 1}` : null
    )
  )
}
