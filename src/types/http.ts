/**
 * The shapes the admin API answers with (src/api/admin/bank-transfer/*), used by the routes (MedusaResponse<T>) and the admin. Money arrives as a number
 * or a string depending on the route (bigNumber columns vs. formatted instructions), so every
 * amount is typed `Amount` and goes through the admin's lib/money.ts before it is shown or computed with.
 */
import type { DeskFigures } from "./desk"

export type Amount = number | string | { value: string } | null | undefined

export type ExpectationStatus =
  | "awaiting_transfer"
  | "partially_paid"
  | "paid"
  | "awaiting_customer_confirmation"
  | "customer_confirmed"
  | "tentatively_canceled"
  | "needs_attention"
  | "canceled"
  | "refunded"

export type Expectation = {
  id: string
  order_id: string
  order_number: string
  reference: string
  memo: string
  currency_code: string
  amount_due: Amount
  amount_received: Amount
  amount_remaining: Amount
  surplus?: Amount
  /** Captured in Medusa's own payment section (not by the plugin), counted as received. */
  captured_in_medusa?: Amount
  /** Refunded in Medusa: money to transfer back to the shopper. */
  amount_refunded?: Amount
  /** What the merchant owes back: refunds, the money of a cancelled order, or the overpayment. */
  amount_to_return?: Amount
  tax_code: string | null
  phone: string | null
  company_name: string | null
  status: ExpectationStatus
  policy: string
  placed_at: string
  due_at: string | null
  next_step: string | null
  next_step_at: string | null
  paid_at: string | null
  /** Why a person must look at it (status needs_attention); absent on servers that do not say. */
  attention_reason?: string | null
}

export type TransactionStatus =
  | "unmatched"
  | "matched"
  | "suggested"
  | "partially_applied"
  | "ignored"
  | "returned"

export type BankTransaction = {
  id: string
  source: string
  external_id: string | null
  account: string | null
  booked_at: string
  amount: Amount
  currency_code: string
  direction: "in" | "out"
  memo: string
  counterparty_name: string | null
  counterparty_account: string | null
  status: TransactionStatus
  amount_allocated: Amount
  import_id: string | null
  /** When the matcher last looked at it (null: not yet). */
  reconciled_at?: string | null
  /** Matching runs that failed with an error; after 5 the transaction is parked (needs_attention_at). */
  match_attempts?: number
  match_error?: string | null
  /** Parked after repeated matching failures: it waits for an accountant's "Retry matching". */
  needs_attention_at?: string | null
  created_at: string
}

/** Where a sighting was sent from: the webhook channels, a statement file, the admin's simulation. */
export type SightingSource =
  | "sepay"
  | "casso"
  | "generic"
  | "payos"
  | "statement"
  | "simulation"
  | (string & {})

/**
 * How a sighting relates to the recorded movements (src/modules/bank-transfer/models/sighting.ts):
 * it recorded a new movement, joined one already recorded, or is held as a possible duplicate.
 */
export type SightingStatus =
  "new_movement" | "same_movement" | "possible_duplicate"

/**
 * The identity rule that paired two sightings or kept them apart (src/lib/ingest/identity.ts):
 * a shared bank reference, a reference found in the other's memo, one memo containing the other,
 * or only the same account, amount and day.
 */
export type IdentityBasis =
  | "shared_key"
  | "key_in_memo"
  | "memo"
  | "same_day_amount"
  | "facts_differ"
  | "same_file"
  | "keys_differ"
  | "same_channel"
  | "outside_window"

/** One report of a bank movement: a webhook delivery or a statement line, kept as it came. */
export type Sighting = {
  id: string
  /** The movement; null while held as a possible duplicate. */
  transaction_id: string | null
  /** The movement a held sighting may duplicate. */
  candidate_transaction_id: string | null
  status: SightingStatus
  basis: IdentityBasis | string | null
  source: SightingSource
  /** The webhook channel, or `statement:<import id>` for the lines of one statement file. */
  channel: string
  external_id: string | null
  account: string | null
  booked_at: string
  amount: Amount
  currency_code: string
  direction: "in" | "out"
  memo: string
  counterparty_name: string | null
  counterparty_account: string | null
  bank_references: string[] | null
  payer_reference: string | null
  import_id: string | null
  /** Its place in its statement file ("row 12", "Stmt[1]/Ntry[3]"); null for a webhook. */
  line: string | null
  resolved_by: string | null
  resolved_at: string | null
  created_at: string
}

/** GET /admin/bank-transfer/transactions/:id */
export type TransactionDetail = {
  transaction: BankTransaction
  allocations: Omit<Allocation, "transaction">[]
  suggestions: Omit<Suggestion, "transaction" | "expectation">[]
  audit: AuditEvent[]
  /** Every report of this movement, oldest first. */
  sightings: Sighting[]
}

/** A held report beside the movement it may duplicate and every report of that movement. */
export type PossibleDuplicate = {
  sighting: Sighting
  transaction: BankTransaction | null
  reports: Sighting[]
}

/**
 * Two transactions that an earlier version may have stored for one movement (before reports were
 * paired across channels): reported for an accountant, never merged.
 */
export type StoredTwicePair = {
  first_id: string
  second_id: string
  /** Decimal string. */
  amount: string
  currency_code: string
  direction: "in" | "out"
  first_source: string
  second_source: string
  first_booked_at: string
  second_booked_at: string
  first_memo: string | null
  second_memo: string | null
  first_account: string | null
  second_account: string | null
  first_status: TransactionStatus
  second_status: TransactionStatus
  first_import_id: string | null
  second_import_id: string | null
  /** "same": the identity rules say one movement; "possible_duplicate": they cannot tell. */
  verdict: "same" | "possible_duplicate"
  basis: IdentityBasis | string
}

/** GET /admin/bank-transfer/duplicates */
export type DuplicatesResponse = {
  possible_duplicates: PossibleDuplicate[]
  stored_twice: StoredTwicePair[]
}

/** POST /admin/bank-transfer/duplicates/:sighting_id/resolve */
export type ResolveDuplicateResponse = {
  transaction: BankTransaction
  sighting: Sighting
}

/** POST /admin/bank-transfer/transactions/:id/retry */
export type RetryMatchingResponse = { transaction: BankTransaction }

export type Allocation = {
  id: string
  transaction_id: string
  expectation_id: string
  amount: Amount
  created_by: string
  /** The admin's name (first and last, else email) when an admin made it; else null. */
  created_by_name?: string | null
  created_at: string
  reversed_at: string | null
  reversed_by: string | null
  transaction: BankTransaction | null
}

export type SuggestionReason = {
  code?: string
  /** The server's English sentence, shown when the admin cannot write the reason itself. */
  message: string
  /** The values the reason names (amounts as exact decimal strings in `currency`). */
  params?: Record<string, string> | null
}

export type Suggestion = {
  id: string
  transaction_id: string
  expectation_id: string
  score: number
  reasons: SuggestionReason[] | null
  status: "pending" | "confirmed" | "rejected" | "superseded"
  decided_by: string | null
  decided_at: string | null
  created_at: string
  transaction: BankTransaction | null
  expectation?: Expectation | null
}

export type AuditEvent = {
  id: string
  action: string
  actor_type: string
  actor_id: string | null
  /** An admin's name (first and last, else email); null for other actors or a deleted user. */
  actor_name?: string | null
  message: string | null
  /** What the event recorded, by action (e.g. amounts as decimal strings in the order's currency). */
  data?: Record<string, unknown> | null
  created_at: string
}

export type ConfirmationFile = {
  id: string
  url: string
  filename: string
  mime_type: string
  size?: number
}

export type Confirmation = {
  id: string
  message: string | null
  paid_on: string | null
  amount: Amount
  files: ConfirmationFile[] | null
  created_at: string
}

export type Instructions = {
  amount_due: string
  amount_received: string
  amount_remaining: string
  reference: string
  memo: string
  instructions?: string
  deadline: string | null
  accounts: {
    bank_name: string | null
    bank_bin: string | null
    swift: string | null
    account_number: string
    account_holder: string
    currency: string
  }[]
  qr: { format: string; payload: string; svg: string } | null
}

export type OrderTransfer = {
  expectation: Expectation | null
  instructions?: Instructions
  allocations?: Allocation[]
  suggestions?: Suggestion[]
  audit?: AuditEvent[]
  confirmations?: Confirmation[]
  /** The order's money to return (amounts: decimal strings), oldest first. */
  return_items?: {
    id: string
    cause: string
    state: string
    amount: string
    currency_code: string
  }[]
}

export type TransactionFilters = {
  status?: string
  direction?: "in" | "out"
  from?: string
  to?: string
  min_amount?: string
  max_amount?: string
  q?: string
  /** "true": only transactions parked after repeated matching failures. */
  needs_attention?: "true" | "false"
  limit: number
  offset: number
}

export type Tolerance =
  { type: "fixed"; amount: string } | { type: "percent"; percent: number }

export type Policy = {
  confirmation_after: number[]
  tentative_cancel_after: number
  final_cancel_after: number | null
}

export type CalendarOverride = {
  id: string
  date: string
  kind: "day_off" | "working_day"
  name: string | null
}

/** A receiving account as configured (the optional fields may be absent). */
export type ReceivingAccount = {
  bank_bin?: string | null
  swift?: string | null
  bank_name?: string | null
  account_number: string
  account_holder: string
  currency: string
}

/** One text, one per language ({ vi, en }), or per currency (see the `instructions` option). */
export type InstructionsSetting =
  string | Record<string, string | Record<string, string>>

export type Settings = {
  accounts: ReceivingAccount[]
  reference_prefix: string
  instructions: InstructionsSetting
  qr: boolean
  tolerances: Record<string, Tolerance>
  write_off: Record<string, string>
  allow_automatic_partials: boolean
  /** Refuse fulfilments of bank-transfer orders not yet paid (400 from POST /admin/orders/:id/fulfillments). */
  block_unpaid_fulfillment: boolean
  amount_only_window_days?: number
  policies: Record<string, Policy>
  calendar: { time_zone: string; weekend_days: number[]; country: string }
}

export type WebhookChannel = {
  channel: string
  url: string
  configured: boolean
  secret_hint: string | null
  /** When the channel last delivered (accepted, signature and body good), ISO; null: never. */
  last_delivery_at: string | null
  /** When a delivery on it was last refused, ISO, and the answer it got ("401: …"); null: never. */
  last_error_at: string | null
  last_error: string | null
}

export type SettingsResponse = {
  settings: Settings
  webhooks: WebhookChannel[]
  overrides: CalendarOverride[]
}

/** A key left out is not changed; `null` removes the saved value (medusa-config.ts applies again). */
export type SettingsUpdate = {
  [
    K in
      | "tolerances"
      | "write_off"
      | "allow_automatic_partials"
      | "block_unpaid_fulfillment"
      | "policies"
      | "instructions"
  ]?: Settings[K] | null
}

/**
 * A previewed statement line. The import route keeps the ledger's field names (currency_code,
 * state) while older drafts of the contract said currency/known: both are read.
 */
export type ImportLine = {
  line: number | string
  booked_at: string
  amount: Amount
  currency_code?: string
  currency?: string
  direction: "in" | "out"
  memo: string
  counterparty_name?: string | null
  /**
   * "new"; "known" (already recorded from a statement); "known_other_channel" (already received by
   * a webhook); "possible_duplicate" (cannot be told apart from a recorded movement: held on commit).
   */
  state?: "new" | "known" | "known_other_channel" | "possible_duplicate"
  known?: boolean
  /** The recorded movement it is (known) or may be (possible duplicate), and how it was first reported. */
  known_via?: {
    transaction_id: string
    source: SightingSource
    booked_at: string
    basis: IdentityBasis | string | null
  } | null
  /** what the matcher would do: apply, suggest, unmatched, ignore, not_previewed */
  outcome?: string | null
  /** Orders the line would be applied to, with what each would receive (outcome apply). */
  orders?: { order_id: string; display_id: number; amount: string }[]
  /** Orders the line would be suggested for, best first (outcome suggest). */
  suggested_orders?: { order_id: string; display_id: number; score: number }[]
  /** The line pays more than its order still awaits: the difference becomes surplus. */
  overpayment?: { order_id: string; display_id: number; surplus: string } | null
}

/** What a committed import stored, per outcome and currency, read back from the ledger. */
export type ImportSum = {
  status: SightingStatus
  currency_code: string
  lines: number
  total: string
}

export type ImportCounts = {
  lines: number
  incoming: number
  outgoing: number
  new: number
  known: number
  /** Lines held for an accountant (preview: would be held). */
  possible_duplicates?: number
  would_apply?: number
  would_suggest?: number
  /** Lines that would pay more than their order still awaits. */
  would_overpay?: number
  /** After commit: new movements recorded. */
  added?: number
  /** After commit: lines that joined a movement already received (webhook or earlier statement). */
  already_received?: number
  /** After commit: lines recorded in all. */
  stored?: number
  /** After commit: lines and totals per outcome and currency. */
  sums?: ImportSum[]
  /** Lines of the file that could not be read (listed in `rejected_lines`). */
  rejected?: number
  /** After commit: unreadable lines the accountant chose to leave out. */
  left_out?: number
}

export type ColumnMappingsResponse = {
  mappings: { id: string; name: string; bank_code: string | null }[]
  presets: Record<string, unknown>
}

export type StatementImport = {
  id: string
  file_name: string
  format: string
  status?: "previewed" | "committed"
  counts: ImportCounts
  lines?: ImportLine[]
  /** Preview only: the bank export the header row was recognised as (CSV/XLSX). */
  preset?: string | null
  /** Preview only: rows left out of the import, with why (a zero amount, …). */
  warnings?: { line: string; message: string }[]
  /**
   * Lines that could not be read, with their errors: left out of `lines`; committing needs
   * `skip_rejected_lines: true`. Kept on the import after commit (what was left out, and why).
   */
  rejected_lines?: { line: string; message: string }[] | null
  uploaded_by?: string | null
  committed_by?: string | null
  committed_at?: string | null
  created_at?: string
}

/** POST /admin/bank-transfer/imports/:id/commit */
export type CommitImportResponse = { import: StatementImport; added: number }

export type Stats = {
  received: { currency_code: string; today: Amount; week: Amount }[]
  matched_automatically: number | null
  suggestions_pending: number
  unmatched: number
  orders_on_hold: number
  customer_confirmed: number
  /** Money waiting to go back (the returns tab), when the server counts it. */
  returns_open?: number
  /** Per currency, the items still open or waiting for their transfer and their exact sum. */
  returns_open_amounts?: {
    currency_code: string
    count: number
    amount: string
  }[]
} & DeskFigures

/** One open order offered for a match by hand (GET /admin/bank-transfer/transactions/:id/candidates). */
export type MatchCandidate = {
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
  placed_at: string
  /** 0..100 */
  score: number
  reasons: { code?: string; message: string; params?: Record<string, string> }[]
}

export type MatchCandidatesResponse = {
  transaction: {
    id: string
    currency_code: string
    amount: string
    amount_allocated: string
    available: string
  }
  candidates: MatchCandidate[]
  count: number
  capped: boolean
  limit: number
  offset: number
}

/** One item of money to return (GET /admin/bank-transfer/returns). Amounts: decimal strings. */
export type ReturnItemView = {
  id: string
  cause: "surplus" | "cancelled_order" | "marked_for_return" | "medusa_refund"
  state:
    "open" | "refund_recorded" | "closed" | "kept_for_customer" | "withdrawn"
  order_id: string | null
  order_number: string | null
  expectation_id: string | null
  /** The incoming money it comes from. */
  transaction_id: string | null
  amount: string
  currency_code: string
  payer_name: string | null
  payer_account: string | null
  payer_bank_bin: string | null
  /** Of `amount`, refunded through Medusa / recorded in the plugin only. */
  medusa_amount: string
  plugin_amount: string
  refund_ids: string[]
  refund_reason_id: string | null
  note: string | null
  refund_recorded_at: string | null
  outgoing_transaction_id: string | null
  closed_at: string | null
  decided_by: string | null
  decided_at: string | null
  created_at: string
  /** While money is to go out and the payer's account is known: what to transfer back. */
  transfer: {
    bank_bin: string | null
    account_number: string
    account_name: string | null
    amount: string
    currency_code: string
    memo: string
    qr_payload: string | null
    qr_svg: string | null
  } | null
}

export type ReturnItemsResponse = {
  return_items: ReturnItemView[]
  count: number
  limit: number
  offset: number
}
