/**
 * The candidates an accountant picks from when matching a transaction by hand: open orders ranked
 * by the evidence the matcher itself weighs (evidenceFor: reference, order number, tax code,
 * phone, company), plus what only a person should act on: the payer's name like the buyer's, the
 * amount, and how recently the order was placed. Pure: the caller looked the orders up (bounded,
 * through indexes) and pages the result.
 *
 * Points (0..100, capped):
 *   identifiers  as decide() scores a likely match (strongest identifier + 5 per extra one, at most
 *                89); 90 when the identifiers are certain
 *   payer name   40 for the buyer's whole name, down to 30 for a near match (≥ 80% of its words)
 *   amount       25 when it equals what the order still awaits; less within the tolerance; 0 beyond
 *   date         5 when placed the day of the transfer, one less per day before, 0 after 5 days
 * An order placed after the day the money was booked, or one an accountant already rejected for
 * this transaction, is listed with that reason and 0 points: it is last, never hidden.
 */
import { abs, amountReason, toleranceAmount } from "./amounts"
import {
  bookedBeforePlaced,
  calendarDay,
  DEFAULT_TIME_ZONE,
} from "./booking-order"
import { SCORES } from "./decide"
import {
  COMPANY_THRESHOLD,
  evidenceFor,
  MemoProbe,
  payerNameSimilarity,
} from "./evidence"
import { normaliseMemo } from "./memo"
import type {
  IncomingTransaction,
  MatchConfig,
  MemoIdentifiers,
  OpenExpectation,
  Reason,
} from "./types"

export const CANDIDATE_POINTS = {
  payerName: 40,
  amountExact: SCORES.amountOnly,
  date: 5,
  max: 100,
} as const

/** An open expectation with the buyer's normalised name (`customer_name_key`), if known. */
export type CandidateExpectation = OpenExpectation & {
  customer_name_key?: string | null
}

export interface RankedCandidate {
  expectation_id: string
  /** 0..100, see CANDIDATE_POINTS. */
  score: number
  reasons: Reason[]
}

const DAY_MS = 86_400_000

/** Whole calendar days from the day `placed` to the day `booked`, in `timeZone` (negative: placed later). */
export function daysBetween(
  placed: Date,
  booked: Date,
  timeZone: string
): number {
  const day = (d: Date) => Date.parse(`${calendarDay(d, timeZone)}T00:00:00Z`)
  return Math.round((day(booked) - day(placed)) / DAY_MS)
}

/**
 * Ranks open expectations for one transaction. `tx.amount` is what is left to apply (its amount
 * less what was allocated already), in minor units. Orders in another currency, without money
 * still due, or repeated are left out. Best first; ties by the order placed closest to the transfer,
 * then by id, so that pages are stable.
 */
export function rankCandidates(
  tx: IncomingTransaction,
  ids: MemoIdentifiers,
  candidates: readonly CandidateExpectation[],
  config: MatchConfig,
  rejected: ReadonlySet<string> = new Set()
): RankedCandidate[] {
  const currency = tx.currency_code.toUpperCase()
  const timeZone =
    config.timeZones?.[currency] ?? config.timeZone ?? DEFAULT_TIME_ZONE
  const probe = new MemoProbe(
    ids,
    tx.counterparty_name ? normaliseMemo(tx.counterparty_name).split(" ") : []
  )
  const seen = new Set<string>()
  const ranked: (RankedCandidate & { days: number })[] = []
  for (const e of candidates) {
    if (
      seen.has(e.id) ||
      e.amount_remaining <= 0n ||
      e.currency_code.toUpperCase() !== currency
    ) {
      continue
    }
    seen.add(e.id)
    const ev = evidenceFor(e, probe)
    const reasons: Reason[] = [...ev.reasons]
    let points = ev.certain
      ? SCORES.certainSuggest
      : ev.count
        ? Math.min(
            SCORES.likelyCap,
            ev.base + SCORES.extraIdentifier * (ev.count - 1)
          )
        : 0

    const name = payerNameSimilarity(e.customer_name_key, probe)
    if (name >= COMPANY_THRESHOLD) {
      points += CANDIDATE_POINTS.payerName - Math.round((1 - name) * 50)
      reasons.push({
        code: "payer_name_matches",
        message:
          name === 1
            ? `the payer's name is the buyer's, ${e.customer_name_key}`
            : `the payer's name is like the buyer's, ${e.customer_name_key} (${Math.round(name * 100)}%)`,
        params: {
          name: e.customer_name_key ?? "",
          similarity: String(Math.round(name * 100)),
        },
      })
    }

    const rem = e.amount_remaining
    const tol = toleranceAmount(config, currency, rem)
    const diff = abs(tx.amount - rem)
    if (diff === 0n) {
      points += CANDIDATE_POINTS.amountExact
    } else if (diff <= tol) {
      points += Math.max(
        0,
        CANDIDATE_POINTS.amountExact -
          3 -
          Number((12n * diff) / (tol > 0n ? tol : 1n))
      )
    }
    reasons.push(
      amountReason(tx.amount, rem, currency, diff <= tol ? tol : undefined)
    )

    const days = daysBetween(e.created_at, tx.booked_at, timeZone)
    if (days >= 0 && days < CANDIDATE_POINTS.date) {
      points += CANDIDATE_POINTS.date - days
      reasons.push({
        code: "placed_recently",
        message:
          days === 0
            ? "placed the day the money was booked"
            : `placed ${days} day(s) before the money was booked`,
        params: { days: String(days) },
      })
    }

    if (bookedBeforePlaced(tx.booked_at, e.created_at, timeZone)) {
      points = 0
      reasons.push({
        code: "placed_after_booking",
        message: "placed after the day this money was booked: it cannot pay it",
        params: {},
      })
    }
    if (rejected.has(e.id)) {
      points = 0
      reasons.push({
        code: "rejected_before",
        message: "an accountant said this transaction does not pay this order",
        params: {},
      })
    }
    ranked.push({
      expectation_id: e.id,
      score: Math.min(CANDIDATE_POINTS.max, points),
      reasons,
      days: Math.abs(days),
    })
  }
  ranked.sort(
    (a, b) =>
      b.score - a.score ||
      a.days - b.days ||
      (a.expectation_id < b.expectation_id ? -1 : 1)
  )
  return ranked.map(({ days: _days, ...r }) => r)
}
