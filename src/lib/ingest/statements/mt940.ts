import type { ParsedStatement, RejectedLine, StatementLine } from "./types"
import { StatementError } from "./types"
import { checkBalance } from "./balance"
import { calendarDate, parseAmount } from "./values"
import {
  cleanReference,
  distinctReferences,
  withPayerReference,
} from "./line-identity"
import { readMt940Messages } from "./mt940-fields"
import { readLine } from "./rejected-lines"
import type { Mt940Field, Mt940Message } from "./mt940-fields"
import { parseMt940Details } from "./mt940-details"

type Balance = { negative: boolean; amount: string; currency: string }

/**
 * SWIFT MT940 (customer statement message), written here: the format is small and line-based,
 * and the npm parsers for it are unmaintained. Every statement of the file (see
 * readMt940Messages) must have its opening (`:60F:`/`:60M:`) and closing (`:62F:`/`:62M:`)
 * balance, and opening + `:61:` movements must equal closing. Each `:61:` line becomes one
 * StatementLine, with the `:86:` that follows it (see parseMt940Details); an `:86:` that follows
 * no `:61:` is about the statement and is ignored. Dates are YYMMDD, read in Vietnam time. A `:61:`
 * that cannot be read (malformed, an impossible date such as 30 February, an amount finer than the
 * currency) is listed in `rejected_lines`, kept only if the balances add up without it. A line's
 * `line` is the file line of its `:61:`.
 */
export function parseMt940(text: string): ParsedStatement {
  const out: ParsedStatement = { format: "mt940", accounts: [], lines: [] }
  const rejected: RejectedLine[] = []
  for (const message of readMt940Messages(text)) {
    const statement = readStatement(message)
    out.accounts.push(statement.account)
    out.lines.push(...statement.lines)
    rejected.push(...statement.rejected)
  }
  return rejected.length ? { ...out, rejected_lines: rejected } : out
}

/**
 * One statement: its balances, and its `:61:` lines. A `:61:` that cannot be read is left out into
 * `rejected` (its balances must then add up without it); anything else wrong refuses the file.
 */
function readStatement(message: Mt940Message) {
  let account: string | null = null
  let opening: Balance | null = null
  let closing: { balance: Balance; field: Mt940Field } | null = null
  const lines: StatementLine[] = []
  const rejected: RejectedLine[] = []
  const fields = message.fields
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]
    if (closing && /^(60|61|62)/.test(f.tag)) {
      throw new StatementError(
        `:${f.tag}: after the closing balance of the statement starting line ${message.line}`,
        `line ${f.line}`
      )
    }
    if (f.tag === "25") {
      account = f.value.split("\n")[0].trim()
    } else if (f.tag === "60F" || f.tag === "60M") {
      if (opening) {
        throw new StatementError(
          `structurally incomplete statement: a second opening balance before the closing balance (:62F:) of the statement starting line ${message.line}`,
          `line ${f.line} (:${f.tag}:)`
        )
      }
      opening = balance(f)
    } else if (f.tag === "61") {
      if (!opening) {
        throw new StatementError(
          ":61: before the statement's opening balance (:60F:)",
          `line ${f.line}`
        )
      }
      const details = fields[i + 1]?.tag === "86" ? fields[i + 1] : null
      const currency = opening.currency
      const line = readLine(`line ${f.line} (:61:)`, rejected, () =>
        statementLine(f, details, account, currency)
      )
      if (line) {
        lines.push(line)
      }
    } else if (f.tag === "62F" || f.tag === "62M") {
      closing = { balance: balance(f), field: f }
    }
  }
  const at = `line ${message.line}`
  if (!opening) {
    throw new StatementError(
      "structurally incomplete statement: no opening balance (:60F:)",
      at
    )
  }
  if (!closing) {
    throw new StatementError(
      `structurally incomplete statement: no closing balance (:62F:)${lines.length ? ` after its ${lines.length} :61: line(s)` : ""}`,
      at
    )
  }
  if (!account) {
    throw new StatementError("no account (:25:)", at)
  }
  const where = `statement ending line ${closing.field.line}`
  if (closing.balance.currency !== opening.currency) {
    throw new StatementError(
      `the closing balance is in ${closing.balance.currency}, the opening balance in ${opening.currency}`,
      where
    )
  }
  checkBalance(
    where,
    opening.currency,
    opening,
    closing.balance,
    lines,
    rejected
  )
  return {
    account: {
      account,
      currency: opening.currency,
      opening: opening.amount,
      closing: closing.balance.amount,
    },
    lines,
    rejected,
  }
}

/** `:60F:C261122VND10000000,`: mark, YYMMDD, currency, amount with a decimal comma. */
function balance(f: Mt940Field): Balance {
  const at = `line ${f.line} (:${f.tag}:)`
  const m = f.value.match(/^([CD])(\d{6})([A-Z]{3})(\d[\d,]*)$/)
  if (!m) {
    throw new StatementError(`malformed balance "${f.value}"`, at)
  }
  swiftDate(m[2], at)
  const amount = parseAmount(m[4], at, ",")!
  return { negative: m[1] === "D", amount: amount.value, currency: m[3] }
}

/** YYMMDD (years 00–99 are 2000–2099), midnight in Vietnam time; an impossible date is refused. */
function swiftDate(yymmdd: string, at: string): Date {
  return calendarDate(
    2000 + Number(yymmdd.slice(0, 2)),
    Number(yymmdd.slice(2, 4)),
    Number(yymmdd.slice(4, 6)),
    `${at}, date "${yymmdd}"`
  )
}

/**
 * `:61:` YYMMDD value date, optional MMDD entry date, mark (C, D, RC, RD), optional funds code,
 * amount, transaction type (N/S/F + 3), customer reference, `//` bank reference, then an optional
 * second line of supplementary details.
 */
function statementLine(
  f: Mt940Field,
  details: Mt940Field | null,
  account: string | null,
  currency: string
): StatementLine {
  const at = `line ${f.line} (:61:)`
  const [first, ...rest] = f.value.split("\n")
  // The customer reference runs to "//" (it may hold a single "/"); the bank's reference follows.
  const m = first.match(
    /^(\d{6})(\d{4})?(R?[CD])([A-Z])?(\d[\d,]*)([NSF][A-Z0-9]{3})(.*?)(?:\/\/(.*))?$/
  )
  if (!m) {
    throw new StatementError(`malformed statement line "${first}"`, at)
  }
  const [, date, entryDate, mark, , amountText, , customerRef, bankRef] = m
  const bookedAt = swiftDate(date, at)
  if (entryDate) {
    // The entry date has no year: the value date's, or the next or previous one around New Year.
    const y = bookedAt.getUTCFullYear()
    const [mo, d] = [+entryDate.slice(0, 2), +entryDate.slice(2, 4)]
    const leap = mo === 2 && d === 29
    calendarDate(
      leap && y % 4 ? y + 1 : y,
      mo,
      d,
      `${at}, entry date "${entryDate}"`
    )
  }
  const amount = parseAmount(amountText, at, ",")!
  const info = details ? parseMt940Details(details.value) : null
  // A reversal of a debit (RD) brings money back in; of a credit (RC) takes it out.
  const direction = mark === "C" || mark === "RD" ? "in" : "out"
  const payers = distinctReferences(customerRef, info?.end_to_end)
  const bankReference = cleanReference(bankRef)
  const memo = payers.reduce(
    (text, ref) => withPayerReference(text, ref),
    info?.memo ?? rest.join(" ").replace(/\s+/g, " ").trim()
  )
  return {
    line: `line ${f.line}`,
    // Only the bank's reference identifies a line; the customer reference is the payer's (two
    // payments may carry the same one), and a bank reference repeated in the file is dropped by
    // finishStatement, so no two lines share a key.
    external_id: bankReference,
    account,
    booked_at: bookedAt,
    amount: amount.value,
    currency_code: currency,
    direction,
    memo,
    counterparty_name: info?.counterparty_name ?? null,
    counterparty_account: info?.counterparty_account ?? null,
    payer_reference: payers[0] ?? null,
    bank_references: bankReference ? [bankReference] : [],
    raw: { line61: f.value, line86: details?.value ?? null },
  }
}
