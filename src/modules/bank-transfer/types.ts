import type { ExpectationStatus } from "./state-machine"
export type { ExpectationStatus }

/** Who did something, as the audit trail records it. */
export type Actor = {
  type: "system" | "webhook" | "import" | "admin" | "shopper"
  id?: string | null
}

/** A bank line to store. Amounts are decimal strings in the currency's major unit ("1250000" VND). */
export type NewBankTransaction = {
  /** Defaults to the source's id, or the fingerprint when there is none (see dedupeKey). */
  dedupe_key?: string
  source: string
  external_id: string | null
  fingerprint: string
  account: string | null
  booked_at: Date
  amount: string
  currency_code: string
  direction: "in" | "out"
  memo: string
  counterparty_name?: string | null
  counterparty_account?: string | null
  raw?: unknown
  import_id?: string | null
}

/** The values the matcher looks open expectations up by (each an exact index match). */
export type CandidateKeys = {
  references: string[]
  order_numbers: string[]
  tax_codes: string[]
  phones: string[]
  company_tokens: string[]
  customer_ids: string[]
  /** Same currency and amount (decimal string), placed between `from` and `to`. */
  amount?: { currency_code: string; value: string; from: Date; to: Date }
}

export type AllocationResult = {
  allocation_ids: string[]
  expectations: {
    id: string
    order_id: string
    previous_status: string
    status: string
    amount_remaining: string
  }[]
  /** Read back from the ledger to finish a run that stopped half-way, not just made. */
  resumed?: boolean
  /**
   * When the transaction had been closed (an accountant applying it by hand): allocating reopens it
   * until the run that allocated has captured the orders, so that the sweep finishes that run if the
   * server dies half-way; a rollback closes it again at this time.
   */
  reopened_from?: Date | null
  /** Pending suggestions of other transactions closed because their order has nothing left to receive. */
  superseded_suggestion_ids?: string[]
}

/** One allocation `reverseAllocations` undid. Amount: decimal string in the order's currency. */
export type ReversedAllocation = {
  allocation_id: string
  transaction_id: string
  expectation_id: string
  order_id: string
  amount: string
  previous_status: string
  status: string
}

/** What `allocate` takes: amounts are decimal strings in the transaction's currency. */
export type AllocateInput = {
  transaction_id: string
  allocations: {
    expectation_id: string
    amount: string
    /** An accountant books money onto an order that has nothing left to receive, as surplus. */
    accept_surplus?: boolean
  }[]
  actor: Actor
  reason?: string
}

/** One row `claimDueEscalations` hands to its `plan`. */
export type EscalationRow = {
  id: string
  currency_code: string
  status: string
  policy: string
  placed_at: Date
  steps_done: Record<string, string>
}

/** What `plan` answers for a row: the steps due now (never early) and what comes next. */
export type EscalationPlan = {
  due: string[]
  next_step: string | null
  next_step_at: Date | null
}

export type ClaimedEscalation = {
  expectation_id: string
  order_id: string
  step: string
  from_status: string
  to_status: string
}

/** One order of an escalation announcement (the outbox): what to tell, and to whom. */
export type EscalationAnnouncementItem = {
  expectation_id: string
  order_id: string
  step: string
  /** The status the step left; an order that has moved on since is not told (nor announced). */
  to_status: string
}

/** An announcement as an announcer holds it (leased). */
export type EscalationAnnouncementLease = {
  id: string
  items: EscalationAnnouncementItem[]
  run_at: Date
  /** 1 on the first take; more means an earlier announcer did not finish (crash, failure). */
  attempts: number
}

/**
 * One report of a bank movement to record: a webhook delivery or a statement line. Amount: decimal
 * string in `currency_code`, already checked against the currency's ISO 4217 minor units.
 */
export type NewSighting = {
  source: string
  /** The webhook channel, or `statement:<import id>` for the lines of one statement file. */
  channel: string
  /** The channel's identity of this report: a repeated delivery carries the same key. */
  dedupe_key: string
  external_id: string | null
  fingerprint: string
  account: string | null
  booked_at: Date
  amount: string
  currency_code: string
  direction: "in" | "out"
  memo: string
  counterparty_name?: string | null
  counterparty_account?: string | null
  bank_references?: string[]
  payer_reference?: string | null
  raw?: unknown
  import_id?: string | null
  line?: string | null
}

/** What became of one recorded sighting. */
export type SightingOutcome = {
  sighting_id: string
  /** The movement it created or joined; null while held as a possible duplicate. */
  transaction_id: string | null
  /** The movement a held sighting may duplicate. */
  candidate_transaction_id: string | null
  /**
   * new_movement (money to match), same_movement (already received by another channel or
   * statement), possible_duplicate (held for an accountant), repeat (this very report again).
   */
  outcome: "new_movement" | "same_movement" | "possible_duplicate" | "repeat"
  basis: string | null
}
