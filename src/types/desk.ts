import type { ExpectationStatus } from "../modules/bank-transfer/state-machine"

/**
 * The accountant's desk: the queue sizes and money awaited added to GET /admin/bank-transfer/stats.
 * Amounts are decimal strings in the currency's major units (as Medusa stores amounts).
 */
export type DeskFigures = {
  /** Movements parked after repeated matching failures (the attention tab's transactions). */
  attention_transactions: number
  /** Orders whose capture Medusa refused (status needs_attention; the attention tab's orders). */
  attention_orders: number
  /** Reports held as possible duplicates (the duplicates tab). */
  possible_duplicates: number
  /** Money open orders still await, per currency, with its age in business days since placed. */
  awaited: AwaitedMoney[]
}

export type AwaitedMoney = {
  currency_code: string
  /** Open orders (awaiting, partially paid, confirmation requested, shopper confirmed, on hold). */
  count: number
  /** Sum of what they still owe. */
  remaining: string
  buckets: AwaitedBucket[]
}

export type AwaitedBucket = {
  /** "0_1", "2_3", "4_5", "over_5". */
  key: string
  min_days: number
  max_days: number | null
  count: number
  remaining: string
  /** The bucket as placement times at the moment of the request (ISO), for the filtered list. */
  placed_from: string | null
  placed_before: string | null
}

/** One row of GET /admin/bank-transfer/waiting-orders. */
export type WaitingOrder = {
  id: string
  order_id: string
  /** The order's display id. */
  order_number: string
  status: ExpectationStatus
  customer: {
    id: string | null
    name: string | null
    email: string | null
    company_name: string | null
    phone: string | null
  }
  currency_code: string
  amount_due: string
  amount_received: string
  amount_remaining: string
  placed_at: string
  /** Medusa's error, for an order that needs attention. */
  attention_reason: string | null
  /** The shopper's latest "I have paid" (ISO), null if never. */
  confirmed_at: string | null
  confirmations: number
  proof_files: number
}

export type WaitingOrdersResponse = {
  orders: WaitingOrder[]
  count: number
  limit: number
  offset: number
}
