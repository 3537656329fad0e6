/**
 * The matcher's decision for one incoming transaction (DESIGN.md, "Matching"). Pure and sync:
 * the caller found the candidates through indexes and applies the decision under a lock.
 *
 *   certain  = the reference with its check letter, or the order number with the order's tax code
 *              (B2B) or phone (B2C) → apply (full, partial or with surplus)
 *   likely   = any other identifier, amount within tolerance → suggest, never apply
 *   together = several certain orders summing to the amount → apply split; an exact-sum subset of
 *              one identified customer's open orders → suggest
 *   amount   = no identifier of any open order, one open order awaiting exactly this amount
 *              recently → low suggestion
 */
import {
  abs,
  amountReason,
  decimal,
  toleranceAmount,
  writeOffAmount,
} from "./amounts"
import { amountWindow } from "./candidates"
import { bookedBeforePlaced, DEFAULT_TIME_ZONE } from "./booking-order"
import { evidenceFor, Evidence, MemoProbe } from "./evidence"
import { exactSumSubsets } from "./exact-sum"
import { formatMoney } from "../money/format"
import { normaliseMemo } from "./memo"
import type {
  Decision,
  IncomingTransaction,
  MatchConfig,
  MemoIdentifiers,
  OpenExpectation,
  Reason,
} from "./types"

/** Scores (0..100). A suggestion never reaches CERTAIN_SUGGEST unless its identifiers were certain. */
export const SCORES = {
  certainSuggest: 90,
  likelyCap: 89,
  extraIdentifier: 5,
  exactSum: 70,
  amountOnly: 25,
} as const
const MAX_SUGGESTIONS = 10
const MAX_NEAR_MISSES = 5

type Suggestion = { expectation_id: string; score: number; reasons: Reason[] }
type Scored = { e: OpenExpectation; ev: Evidence }

const byCreated = (a: OpenExpectation, b: OpenExpectation) =>
  a.created_at.getTime() - b.created_at.getTime()

export function decide(
  tx: IncomingTransaction,
  ids: MemoIdentifiers,
  candidates: OpenExpectation[],
  config: MatchConfig,
  rejected: ReadonlySet<string> = new Set()
): Decision {
  if (tx.direction !== "in") {
    return {
      kind: "ignore",
      reasons: [
        {
          code: "outgoing",
          message: "outgoing money is not matched to orders",
        },
      ],
    }
  }
  const currency = tx.currency_code.toUpperCase()
  const amount = tx.amount
  if (amount <= 0n) {
    return {
      kind: "ignore",
      reasons: [
        { code: "no_amount", message: "the transaction carries no money" },
      ],
    }
  }

  // Candidates that may be used: each once, not rejected for this transaction, still owing money.
  const seen = new Set<string>()
  const open: OpenExpectation[] = []
  let rejectedCount = 0
  let placedLater = 0
  let otherCurrency: string | null = null
  // Days are the bank's: those of the transaction's currency (Vietnam's for VND).
  const timeZone =
    config.timeZones?.[currency] ?? config.timeZone ?? DEFAULT_TIME_ZONE
  for (const e of candidates) {
    if (seen.has(e.id)) {
      continue
    }
    seen.add(e.id)
    if (rejected.has(e.id)) {
      rejectedCount++
      continue
    }
    if (e.amount_remaining <= 0n) {
      continue
    }
    // A transfer booked before the order existed cannot pay it (booking-order.ts).
    if (bookedBeforePlaced(tx.booked_at, e.created_at, timeZone)) {
      placedLater++
      continue
    }
    if (e.currency_code.toUpperCase() !== currency) {
      otherCurrency = e.currency_code.toUpperCase()
      continue
    }
    open.push(e)
  }
  if (!open.length && otherCurrency) {
    return {
      kind: "ignore",
      reasons: [
        {
          code: "currency_mismatch",
          message: `the transaction is in ${currency} but every candidate order is in another currency (e.g. ${otherCurrency})`,
        },
      ],
    }
  }

  const counterparty = tx.counterparty_name
    ? normaliseMemo(tx.counterparty_name).split(" ")
    : []
  const probe = new MemoProbe(ids, counterparty)
  const scored: Scored[] = []
  for (const e of open) {
    scored.push({ e, ev: evidenceFor(e, probe) })
  }

  const certain = scored.filter((s) => s.ev.certain)
  if (certain.length === 1) {
    return decideCertain(certain[0], amount, currency, config)
  }
  if (certain.length > 1) {
    return decideSeveralCertain(certain, amount, currency)
  }

  const suggestions = new Map<string, Suggestion>()
  const nearMisses: Reason[] = []
  likely(scored, amount, currency, config, suggestions, nearMisses)
  exactSum(scored, amount, currency, suggestions)
  if (suggestions.size) {
    return suggest([...suggestions.values()])
  }

  // Only when the memo points at no open order: an identifier that found an order whose amount
  // is off says more than an amount that happens to be awaited elsewhere.
  const byAmount = scored.some((s) => s.ev.count)
    ? []
    : amountOnly(open, tx, config)
  if (byAmount.length === 1) {
    const e = byAmount[0]
    return suggest([
      {
        expectation_id: e.id,
        score: SCORES.amountOnly,
        reasons: [
          {
            code: "amount_only",
            message: `no identifier found; the only open order awaiting exactly this amount recently`,
            params: {},
          },
          amountReason(amount, e.amount_remaining, currency),
        ],
      },
    ])
  }

  const reasons: Reason[] = [...nearMisses.slice(0, MAX_NEAR_MISSES)]
  if (byAmount.length > 1) {
    reasons.push({
      code: "amount_ambiguous",
      message: `${byAmount.length} open orders await exactly ${formatMoney(amount, currency)}; none is suggested without an identifier`,
    })
  }
  if (rejectedCount) {
    reasons.push({
      code: "rejected",
      message: `${rejectedCount} candidate order(s) were rejected for this transaction`,
    })
  }
  if (placedLater) {
    reasons.push({
      code: "booked_before_order",
      message: `${placedLater} candidate order(s) were placed after the day this transfer was booked`,
    })
  }
  if (!reasons.length) {
    reasons.push({
      code: "no_identifier",
      message:
        "no reference, order number, tax code, phone or company of an open order found, and no open order awaits this amount",
    })
  }
  return { kind: "unmatched", reasons }
}

/** One order identified for certain: pay it in full, in part, or in full with a surplus. */
function decideCertain(
  { e, ev }: Scored,
  amount: bigint,
  currency: string,
  config: MatchConfig
): Decision {
  const rem = e.amount_remaining
  const f = (v: bigint) => formatMoney(v, currency)
  if (amount >= rem) {
    const surplus = amount - rem
    const reasons = [...ev.reasons, amountReason(amount, rem, currency)]
    if (surplus > 0n) {
      reasons.push({
        code: "surplus",
        message: `overpaid by ${f(surplus)}, recorded as surplus`,
        params: { currency, surplus: decimal(surplus, currency) },
      })
    }
    return {
      kind: "apply",
      allocations: [{ expectation_id: e.id, amount: rem }],
      surplus,
      reasons,
    }
  }
  const short = rem - amount
  const writeOff = writeOffAmount(config, currency)
  if (short <= writeOff) {
    return {
      kind: "apply",
      allocations: [{ expectation_id: e.id, amount }],
      surplus: 0n,
      reasons: [
        ...ev.reasons,
        amountReason(amount, rem, currency),
        {
          code: "write_off",
          message: `short by ${f(short)}, within the ${f(writeOff)} write-off tolerance: counts as paid`,
          params: {
            currency,
            short: decimal(short, currency),
            write_off: decimal(writeOff, currency),
          },
        },
      ],
    }
  }
  const partial: Reason = {
    code: "partial_payment",
    message: `partial payment: ${f(amount)} of the ${f(rem)} remaining, ${f(short)} still due`,
    params: {
      currency,
      amount: decimal(amount, currency),
      remaining: decimal(rem, currency),
      short: decimal(short, currency),
    },
  }
  if (config.allowAutomaticPartials) {
    return {
      kind: "apply",
      allocations: [{ expectation_id: e.id, amount }],
      surplus: 0n,
      reasons: [...ev.reasons, partial],
    }
  }
  return suggest([
    {
      expectation_id: e.id,
      score: SCORES.certainSuggest,
      reasons: [
        ...ev.reasons,
        partial,
        {
          code: "partials_disabled",
          message: "automatic partial payments are off: confirm to apply",
          params: {},
        },
      ],
    },
  ])
}

/** Several orders named for certain: split when the amount is exactly their sum, else ask. */
function decideSeveralCertain(
  certain: Scored[],
  amount: bigint,
  currency: string
): Decision {
  certain.sort((a, b) => byCreated(a.e, b.e))
  const sum = certain.reduce((s, c) => s + c.e.amount_remaining, 0n)
  const names = certain.map((c) => c.e.order_number).join(", ")
  if (sum === amount) {
    const reasons: Reason[] = certain.flatMap((c) => c.ev.reasons)
    reasons.push({
      code: "split_sum",
      message: `amount equals the ${formatMoney(sum, currency)} remaining on orders ${names} together`,
      params: { currency, sum: decimal(sum, currency), orders: names },
    })
    return {
      kind: "apply",
      allocations: certain.map((c) => ({
        expectation_id: c.e.id,
        amount: c.e.amount_remaining,
      })),
      surplus: 0n,
      reasons,
    }
  }
  const mismatch: Reason = {
    code: "split_sum_differs",
    message: `orders ${names} are named but the amount differs by ${formatMoney(abs(amount - sum), currency)} from the ${formatMoney(sum, currency)} they still owe together`,
    params: {
      currency,
      difference: decimal(abs(amount - sum), currency),
      sum: decimal(sum, currency),
      orders: names,
    },
  }
  return suggest(
    certain.map((c) => ({
      expectation_id: c.e.id,
      score: SCORES.certainSuggest,
      reasons: [...c.ev.reasons, mismatch],
    }))
  )
}

/** One or more identifiers short of certainty, amount within tolerance → a scored suggestion. */
function likely(
  scored: Scored[],
  amount: bigint,
  currency: string,
  config: MatchConfig,
  out: Map<string, Suggestion>,
  nearMisses: Reason[]
) {
  for (const { e, ev } of scored) {
    if (!ev.count) {
      continue
    }
    const rem = e.amount_remaining
    const tol = toleranceAmount(config, currency, rem)
    const diff = abs(amount - rem)
    if (diff > tol) {
      if (nearMisses.length < MAX_NEAR_MISSES) {
        nearMisses.push({
          code: "amount_beyond_tolerance",
          message: `order ${e.order_number}: ${ev.reasons.map((r) => r.message).join("; ")}; but ${
            amountReason(amount, rem, currency).message
          }, more than the ${formatMoney(tol, currency)} tolerance`,
        })
      }
      continue
    }
    let score = Math.min(
      SCORES.likelyCap,
      ev.base + SCORES.extraIdentifier * (ev.count - 1)
    )
    // Off by some of the tolerance: lower, and always below an exact amount.
    if (diff > 0n) {
      score -= 3 + Number((12n * diff) / (tol > 0n ? tol : 1n))
    }
    add(out, {
      expectation_id: e.id,
      score: Math.max(1, score),
      reasons: [...ev.reasons, amountReason(amount, rem, currency, tol)],
    })
  }
}

/** An identified customer's open orders, a unique subset of which adds up to the amount exactly. */
function exactSum(
  scored: Scored[],
  amount: bigint,
  currency: string,
  out: Map<string, Suggestion>
) {
  const customers = new Map<string, Scored>()
  for (const s of scored) {
    if (s.ev.customerIdentified && s.e.customer_id) {
      customers.set(s.e.customer_id, s)
    }
  }
  for (const [customer, who] of customers) {
    const orders = scored
      .filter((s) => s.e.customer_id === customer)
      .sort((a, b) => byCreated(b.e, a.e)) // newest first: the bounded search keeps the newest
    if (orders.length < 2) {
      continue
    }
    const subsets = exactSumSubsets(
      orders.map((s) => ({ id: s.e.id, amount: s.e.amount_remaining })),
      amount
    )
    if (subsets.length !== 1) {
      continue
    }
    const members = orders.filter((s) => subsets[0].includes(s.e.id))
    const together: Reason = {
      code: "exact_sum",
      message: `amount equals the ${formatMoney(amount, currency)} remaining on orders ${members
        .map((m) => m.e.order_number)
        .join(", ")} of the same customer together`,
      params: {
        currency,
        sum: decimal(amount, currency),
        orders: members.map((m) => m.e.order_number).join(", "),
      },
    }
    const customerReasons = who.ev.reasons.filter(
      (r) => r.code !== "order_number_found"
    )
    for (const m of members) {
      add(out, {
        expectation_id: m.e.id,
        score: SCORES.exactSum,
        reasons: [...(m.ev.count ? m.ev.reasons : customerReasons), together],
      })
    }
  }
}

/** Open orders awaiting exactly the amount, placed within the window. */
function amountOnly(
  open: OpenExpectation[],
  tx: IncomingTransaction,
  config: MatchConfig
): OpenExpectation[] {
  const { from, to } = amountWindow(
    tx.booked_at,
    config.amountOnlyWindowDays ?? 7
  )
  const lo = from.getTime()
  const hi = to.getTime()
  return open.filter((e) => {
    const t = e.created_at.getTime()
    return e.amount_remaining === tx.amount && t >= lo && t <= hi
  })
}

/** Keeps the better suggestion for an order, with the reasons of both. */
function add(out: Map<string, Suggestion>, s: Suggestion) {
  const prev = out.get(s.expectation_id)
  if (!prev) {
    out.set(s.expectation_id, s)
    return
  }
  const codes = new Set(prev.reasons.map((r) => r.code))
  prev.reasons.push(...s.reasons.filter((r) => !codes.has(r.code)))
  prev.score = Math.max(prev.score, s.score)
}

function suggest(list: Suggestion[]): Decision {
  list.sort(
    (a, b) =>
      b.score - a.score || (a.expectation_id < b.expectation_id ? -1 : 1)
  )
  const top = list.slice(0, MAX_SUGGESTIONS)
  if (top.length > 1 && top[0].score === top[1].score) {
    const ties = top.filter((s) => s.score === top[0].score).length
    for (const s of top.slice(0, ties)) {
      s.reasons.push({
        code: "ambiguous",
        message: `${ties} orders are equally likely: pick one by hand`,
        params: { ties: String(ties) },
      })
    }
  }
  return { kind: "suggest", suggestions: top }
}
