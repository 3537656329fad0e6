import { MedusaError } from "@medusajs/framework/utils"
import type { BankTransferOptions } from "../../../lib/options"
import { matchConfigFromOptions } from "../../../lib/match/config"
import { toleranceAmount } from "../../../lib/match/amounts"
import { normaliseMemo } from "../../../lib/match/memo"
import { handSearch } from "../../../lib/match/hand-search"
import {
  rankCandidates,
  type CandidateExpectation,
} from "../../../lib/match/rank-candidates"
import {
  prepareMatch,
  toOpenExpectation,
} from "../../../lib/match/transaction-input"
import { fromMinorUnits, toMinorUnits } from "../../../lib/money/minor-units"
import type { Reason } from "../../../lib/match/types"
import {
  loadForMatching,
  type SqlManager,
} from "../repositories/bank-transaction"
import { findHandMatchCandidates } from "../repositories/hand-match-candidates"

/** One candidate order for a match by hand (amounts: exact decimal strings in `currency_code`). */
export type HandMatchCandidate = {
  expectation_id: string
  order_id: string
  display_id: number
  reference: string
  status: string
  customer: {
    id: string | null
    name: string | null
    email: string | null
    phone: string | null
    company_name: string | null
  }
  currency_code: string
  amount_due: string
  amount_remaining: string
  placed_at: Date
  score: number
  reasons: Reason[]
}

export type HandMatchCandidates = {
  transaction: {
    id: string
    currency_code: string
    amount: string
    amount_allocated: string
    /** What is left to apply: the amount candidates are compared with. */
    available: string
  }
  candidates: HandMatchCandidate[]
  /** How many candidates were ranked (all pages). */
  count: number
  /** True when a look-up stopped at its limit: a search may find orders that were not ranked. */
  capped: boolean
  limit: number
  offset: number
}

/**
 * Ranks the open orders a transaction may pay, for an accountant matching it by hand: looked up
 * through indexes (repositories/hand-match-candidates), ranked by the matcher's own evidence
 * (lib/match/rank-candidates), one page returned. Read-only.
 */
export async function handMatchCandidates(
  manager: SqlManager,
  input: { transaction_id: string; q?: string; limit: number; offset: number },
  options: BankTransferOptions
): Promise<HandMatchCandidates> {
  const tx = await loadForMatching(manager, input.transaction_id)
  if (!tx) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Bank transaction with id: ${input.transaction_id} was not found`
    )
  }
  if (tx.direction !== "in") {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "Outgoing money is not matched to orders"
    )
  }
  if (tx.status === "ignored" || tx.status === "returned") {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `Bank transaction ${tx.id} was marked ${tx.status === "returned" ? "to be returned" : "not for an order"}: undo that first`
    )
  }
  const currency = tx.currency_code.toUpperCase()
  const available =
    toMinorUnits(tx.amount, currency) -
    toMinorUnits(tx.amount_allocated, currency)
  if (available <= 0n) {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `Bank transaction ${tx.id} is fully applied already: nothing is left to match`
    )
  }
  const money = (v: bigint) => fromMinorUnits(v, currency)
  const config = matchConfigFromOptions(options)
  const { incoming, ids, lookup } = prepareMatch(
    { ...tx, amount: money(available) },
    config
  )
  const tol = toleranceAmount(config, currency, available)
  const payer = normaliseMemo(tx.counterparty_name)
  const { rows, capped } = await findHandMatchCandidates(manager, {
    currency_code: currency,
    keys: lookup,
    name_keys: payer ? [payer] : [],
    amount: {
      value: money(available),
      low: money(available > tol ? available - tol : 0n),
      high: money(available + tol),
    },
    search: handSearch(input.q) ?? undefined,
  })
  const byId = new Map(rows.map((r) => [r.id as string, r]))
  const ranked = rankCandidates(
    incoming,
    ids,
    rows.map((r): CandidateExpectation => ({
      ...toOpenExpectation(r),
      customer_name_key: r.customer_name_key,
    })),
    config,
    tx.rejected
  )
  const page = ranked.slice(input.offset, input.offset + input.limit)
  return {
    transaction: {
      id: tx.id,
      currency_code: currency,
      amount: tx.amount,
      amount_allocated: tx.amount_allocated,
      available: money(available),
    },
    candidates: page.map((c) => {
      const r = byId.get(c.expectation_id)!
      return {
        expectation_id: r.id,
        order_id: r.order_id,
        display_id: Number(r.order_number),
        reference: r.reference,
        status: r.status,
        customer: {
          id: r.customer_id,
          name: r.customer_name,
          email: r.email,
          phone: r.phone,
          company_name: r.company_name,
        },
        currency_code: r.currency_code,
        amount_due: r.amount_due,
        amount_remaining: r.amount_remaining,
        placed_at: new Date(r.placed_at ?? r.created_at),
        score: c.score,
        reasons: c.reasons,
      }
    }),
    count: ranked.length,
    capped,
    limit: input.limit,
    offset: input.offset,
  }
}
