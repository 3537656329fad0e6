/**
 * What the statement preview says about a new incoming line beyond the matcher's verdict: the
 * orders it would pay (or be suggested for), by their display ids, and whether it pays more than
 * the order still awaits. Pure: amounts are bigint minor units in, decimal strings out.
 */
import { fromMinorUnits, toMinorUnits } from "../money/minor-units"
import type { Decision } from "../match/types"

/** An expectation row as the candidate look-up returns it (amount_remaining: decimal string or number). */
export type PreviewExpectationRow = {
  id: string
  order_id: string
  order_number: string
  amount_remaining: string | number
  currency_code: string
}

export type PreviewOrders = {
  /** Orders the line would be applied to, with the amount each would receive (apply). */
  orders: { order_id: string; display_id: number; amount: string }[]
  /** Orders it would be suggested for, best first (suggest). */
  suggested_orders: { order_id: string; display_id: number; score: number }[]
  /**
   * The line pays more than its one order still awaits: `surplus` is the difference, recorded on
   * the order as surplus (apply) or to be if the suggestion is confirmed (suggest).
   */
  overpayment: { order_id: string; display_id: number; surplus: string } | null
}

/** The orders a decision names, from the rows it was made from; `amount`: the line's, in minor units. */
export function previewOrders(
  decision: Decision,
  rows: readonly PreviewExpectationRow[],
  amount: bigint,
  currency: string
): PreviewOrders {
  const byId = new Map(rows.map((r) => [r.id, r]))
  const money = (v: bigint) => fromMinorUnits(v, currency)
  const out: PreviewOrders = {
    orders: [],
    suggested_orders: [],
    overpayment: null,
  }
  const order = (expectationId: string) => {
    const r = byId.get(expectationId)
    return r
      ? { order_id: r.order_id, display_id: Number(r.order_number), row: r }
      : null
  }
  if (decision.kind === "apply") {
    for (const a of decision.allocations) {
      const o = order(a.expectation_id)
      if (o) {
        out.orders.push({
          order_id: o.order_id,
          display_id: o.display_id,
          amount: money(a.amount),
        })
      }
    }
    if (decision.surplus > 0n && out.orders.length === 1) {
      const [o] = out.orders
      out.overpayment = {
        order_id: o.order_id,
        display_id: o.display_id,
        surplus: money(decision.surplus),
      }
    }
  }
  if (decision.kind === "suggest") {
    for (const s of decision.suggestions) {
      const o = order(s.expectation_id)
      if (o) {
        out.suggested_orders.push({
          order_id: o.order_id,
          display_id: o.display_id,
          score: s.score,
        })
      }
    }
    // One suggestion: confirming it would overpay that order by the difference.
    if (
      decision.suggestions.length === 1 &&
      out.suggested_orders.length === 1
    ) {
      const o = order(decision.suggestions[0].expectation_id)!
      const remaining = toMinorUnits(String(o.row.amount_remaining), currency)
      if (amount > remaining) {
        out.overpayment = {
          order_id: o.order_id,
          display_id: o.display_id,
          surplus: money(amount - remaining),
        }
      }
    }
  }
  return out
}
