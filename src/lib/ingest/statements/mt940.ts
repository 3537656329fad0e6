import type { ParsedStatement, StatementLine } from "./types"
import { StatementError } from "./types"
import { checkBalance } from "./balance"
import { parseAmount } from "./values"
import { cleanReference, withPayerReference } from "./line-identity"

type Field = { tag: string; value: string; line: number }

/**
 * SWIFT MT940, written here: the format is small and line-based, and the npm parsers for it are
 * unmaintained. `:61:` lines with their `:86:` details (structured `?20..?29` or free text), balances
 * `:60F:`/`:60M:` and `:62F:`/`:62M:` checked per statement. A line's `line` is the file line of its
 * `:61:` field, so each line has its own place even when references repeat.
 */
export function parseMt940(text: string): ParsedStatement {
  const fields: Field[] = []
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/\s+$/, "")
    const m = line.match(/^:(\d{2}[A-Z]?):(.*)$/)
    if (m) {
      fields.push({ tag: m[1], value: m[2], line: i + 1 })
    } else if (fields.length && line && !/^[-}{]/.test(line)) {
      fields[fields.length - 1].value += `\n${line}`
    }
  })
  if (
    !fields.some((f) => f.tag === "61") &&
    !fields.some((f) => f.tag.startsWith("60"))
  ) {
    throw new StatementError("no :60F: or :61: field: not an MT940 statement")
  }
  const out: ParsedStatement = { format: "mt940", accounts: [], lines: [] }
  let account: string | null = null
  let opening: ReturnType<typeof balance> | null = null
  let current: StatementLine[] = []
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]
    if (f.tag === "25") {
      account = f.value.trim()
    } else if (f.tag === "60F" || f.tag === "60M") {
      // Lines read since the last closing balance would be dropped here without a word.
      if (current.length) {
        throw new StatementError(
          `:${f.tag}: opens a statement while ${current.length} :61: line(s) before it have no closing balance (:62F:)`,
          `line ${f.line}`
        )
      }
      opening = balance(f)
      current = []
    } else if (f.tag === "61") {
      const details = fields[i + 1]?.tag === "86" ? fields[i + 1] : null
      current.push(
        statementLine(f, details, account, opening?.currency ?? null)
      )
    } else if (f.tag === "62F" || f.tag === "62M") {
      const closing = balance(f)
      if (!opening) {
        throw new StatementError(
          ":62F: without an opening :60F:",
          `line ${f.line}`
        )
      }
      if (!account) {
        throw new StatementError("no account (:25:)", `line ${f.line}`)
      }
      checkBalance(
        `statement ending line ${f.line}`,
        closing.currency,
        opening,
        closing,
        current
      )
      out.accounts.push({
        account,
        currency: closing.currency,
        opening: opening.amount,
        closing: closing.amount,
      })
      out.lines.push(...current)
      opening = null
      current = []
    }
  }
  if (current.length) {
    throw new StatementError(
      "the last statement has no closing balance (:62F:)"
    )
  }
  return out
}

function balance(f: Field) {
  const m = f.value.match(/^([CD])(\d{6})([A-Z]{3})([\d,]+)$/)
  if (!m) {
    throw new StatementError(
      `malformed balance "${f.value}"`,
      `line ${f.line} (:${f.tag}:)`
    )
  }
  const amount = parseAmount(m[4], `line ${f.line}`, ",")!
  return { negative: m[1] === "D", amount: amount.value, currency: m[3] }
}

function statementLine(
  f: Field,
  details: Field | null,
  account: string | null,
  currency: string | null
): StatementLine {
  const [first, ...rest] = f.value.split("\n")
  // The customer reference runs to "//" (it may hold a single "/"); the bank's reference follows.
  const m = first.match(
    /^(\d{6})(\d{4})?(R?[CD])([A-Z])?([\d,]+)([NSF][A-Z0-9]{3})(.*?)(?:\/\/(.*))?$/
  )
  if (!m) {
    throw new StatementError(
      `malformed statement line "${first}"`,
      `line ${f.line} (:61:)`
    )
  }
  const [, date, , mark, , amountText, , customerRef, bankRef] = m
  const amount = parseAmount(amountText, `line ${f.line}`, ",")!
  const bookedAt = new Date(
    Date.UTC(
      2000 + Number(date.slice(0, 2)),
      Number(date.slice(2, 4)) - 1,
      Number(date.slice(4, 6))
    ) -
      7 * 3600_000
  )
  const info = details ? detailFields(details.value) : null
  // A reversal of a debit (RD) brings money back in; of a credit (RC) takes it out.
  const direction = mark === "C" || mark === "RD" ? "in" : "out"
  const payerReference = cleanReference(customerRef)
  const bankReference = cleanReference(bankRef)
  return {
    line: `line ${f.line}`,
    // Only the bank's reference identifies a line; the customer reference is the payer's (two
    // payments may carry the same one), and a bank reference repeated in the file is dropped by
    // finishStatement, so no two lines share a key.
    external_id: bankReference,
    account,
    booked_at: bookedAt,
    amount: amount.value,
    currency_code: currency ?? "VND",
    direction,
    memo: withPayerReference(
      (info?.memo ?? rest.join(" ")).replace(/\s+/g, " ").trim(),
      payerReference
    ),
    counterparty_name: info?.name ?? null,
    counterparty_account: info?.account ?? null,
    payer_reference: payerReference,
    bank_references: bankReference ? [bankReference] : [],
    raw: { line61: f.value, line86: details?.value ?? null },
  }
}

/** `:86:` details: structured (?20-?29 memo, ?31 account, ?32/?33 name) or free text. */
function detailFields(value: string) {
  const flat = value.replace(/\n/g, "")
  if (!/\?\d{2}/.test(flat)) {
    return { memo: value.replace(/\n/g, " "), name: null, account: null }
  }
  const parts: Record<string, string> = {}
  for (const m of flat.matchAll(/\?(\d{2})([^?]*)/g)) {
    parts[m[1]] = (parts[m[1]] ?? "") + m[2]
  }
  const pick = (from: number, to: number) =>
    Object.keys(parts)
      .filter((k) => +k >= from && +k <= to)
      .sort()
      .map((k) => parts[k])
      .join("")
  return {
    memo: pick(20, 29) || pick(60, 63),
    name: pick(32, 33) || null,
    account: parts["31"] ?? null,
  }
}
