/**
 * Shapes shared by the pure matcher (no Medusa, no database). Amounts are bigint minor units of
 * the currency (VND has none, so 1 ₫ = 1n); money is never a float here.
 */

/** An open order's expectation, as the matcher needs it. Identifiers are stored normalised
 * (reference upper-case, tax code digits only, phone national "0912345678", company key). */
export interface OpenExpectation {
  id: string
  reference: string
  order_number: string
  currency_code: string
  amount_remaining: bigint
  tax_code?: string | null
  phone?: string | null
  company_key?: string | null
  customer_id?: string | null
  /** When the order was placed (its `placed_at`, else when the expectation was created). */
  created_at: Date
}

export interface IncomingTransaction {
  id: string
  amount: bigint
  currency_code: string
  direction: "in" | "out"
  memo: string
  booked_at: Date
  counterparty_name?: string | null
}

export type Tolerance =
  { type: "fixed"; amount: bigint } | { type: "percent"; basis_points: number }

export interface MatchConfig {
  prefixes: string[]
  /** By currency code, upper-case. */
  tolerances: Record<string, Tolerance>
  /** Used for a currency without its own entry (fixed 50,000 for VND). */
  defaultTolerance: Tolerance
  /** A shortfall up to this much still counts as paid in full (default 0). */
  writeOffTolerance?: Record<string, bigint>
  /** Default true. */
  allowAutomaticPartials: boolean
  /** Default 7. */
  amountOnlyWindowDays: number
  /**
   * The shop's time zone (IANA), for calendar days: a transaction booked on a day before an order
   * was placed is never matched to it. Default "Asia/Ho_Chi_Minh".
   */
  timeZone?: string
  /** Time zones by currency (ISO 4217, upper case) where it is not `timeZone`: VND is booked in Vietnam. */
  timeZones?: Record<string, string>
}

export interface Reason {
  code: string
  /** English, readable: "reference DH1042K found", "amount differs by 20.000 ₫". */
  message: string
  /**
   * The values the message names, for readers in other languages (the admin writes the reason
   * from `code` and these): amounts as exact decimal strings in `currency` (major units, e.g.
   * "1500000" VND, "12.50" EUR), identifiers and counts as text. Reasons stored before this
   * field have none: they are shown by their message.
   */
  params?: Record<string, string>
}

export type Decision =
  | { kind: "ignore"; reasons: Reason[] }
  | {
      kind: "apply"
      allocations: { expectation_id: string; amount: bigint }[]
      surplus: bigint
      reasons: Reason[]
    }
  | {
      kind: "suggest"
      suggestions: {
        expectation_id: string
        score: number
        reasons: Reason[]
      }[]
    }
  | { kind: "unmatched"; reasons: Reason[] }

/** A reference found in a memo, however the bank mangled it. */
export interface MemoReference {
  /** Prefix + order number without leading zeros, e.g. "DH1042". */
  body: string
  prefix: string
  orderNumber: string
  /** The letter written after the number, if any. */
  check: string | null
  /** True when `check` is the right check letter for `body`. */
  checkValid: boolean
}

export interface MemoIdentifiers {
  references: MemoReference[]
  /** Numbers that may be order numbers (including those of `references`), no leading zeros. */
  orderNumbers: string[]
  /** Tax codes exactly as written: 10 digits, 13 digits (10 + branch) or 12 (personal, after "MST"). */
  taxCodes: string[]
  /**
   * The 10-digit head of every 13-digit (branch) tax code in `taxCodes`. Kept apart on purpose:
   * a payment from a branch is only *likely* for an order registered under the parent company's
   * code, so a head may find candidates and support a suggestion but never make a match certain.
   */
  taxCodeHeads: string[]
  /** Vietnamese phone numbers in national form, "0912345678". */
  phones: string[]
  /** The normalised words of the memo, for company-name matching. */
  tokens: string[]
}
