/**
 * The shapes the admin API answers with (src/api/admin/bank-transfer/*), used by the routes (MedusaResponse<T>) and the admin. Money arrives as a number
 * or a string depending on the route (bigNumber columns vs. formatted instructions), so every
 * amount is typed `Amount` and goes through the admin's lib/money.ts before it is shown or computed with.
 */
export type Amount = number | string | { value: string } | null | undefined

export type ExpectationStatus =
  | "awaiting_transfer"
  | "partially_paid"
  | "paid"
  | "awaiting_customer_confirmation"
  | "customer_confirmed"
  | "tentatively_canceled"
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
}

export type TransactionStatus = "unmatched" | "matched" | "suggested" | "partially_applied" | "ignored" | "returned"

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
  created_at: string
}

export type Allocation = {
  id: string
  transaction_id: string
  expectation_id: string
  amount: Amount
  created_by: string
  created_at: string
  reversed_at: string | null
  reversed_by: string | null
  transaction: BankTransaction | null
}

export type SuggestionReason = { code?: string; message: string }

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
  message: string | null
  created_at: string
}

export type ConfirmationFile = { id: string; url: string; filename: string; mime_type: string; size?: number }

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
}

export type TransactionFilters = {
  status?: string
  direction?: "in" | "out"
  from?: string
  to?: string
  min_amount?: string
  max_amount?: string
  q?: string
  limit: number
  offset: number
}

export type Tolerance = { type: "fixed"; amount: string } | { type: "percent"; percent: number }

export type Policy = {
  confirmation_after: number[]
  tentative_cancel_after: number
  final_cancel_after: number | null
}

export type CalendarOverride = { id: string; date: string; kind: "day_off" | "working_day"; name: string | null }

/** A receiving account as configured (the optional fields may be absent). */
export type ReceivingAccount = {
  bank_bin?: string | null
  swift?: string | null
  bank_name?: string | null
  account_number: string
  account_holder: string
  currency: string
}

export type Settings = {
  accounts: ReceivingAccount[]
  reference_prefix: string
  instructions: string
  qr: boolean
  tolerances: Record<string, Tolerance>
  write_off: Record<string, string>
  allow_automatic_partials: boolean
  amount_only_window_days?: number
  policies: Record<string, Policy>
  calendar: { time_zone: string; weekend_days: number[]; country: string }
}

export type WebhookChannel = { channel: string; url: string; configured: boolean; secret_hint: string | null }

export type SettingsResponse = { settings: Settings; webhooks: WebhookChannel[]; overrides: CalendarOverride[] }

export type SettingsUpdate = Partial<
  Pick<Settings, "tolerances" | "write_off" | "allow_automatic_partials" | "policies" | "instructions">
>

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
  /** "new", "known" (imported before) or "known_other_channel" (e.g. received by webhook) */
  state?: "new" | "known" | "known_other_channel"
  known?: boolean
  /** what the matcher would do: apply, suggest, unmatched, ignore, not_previewed */
  outcome?: string | null
}

export type ImportCounts = {
  lines: number
  incoming: number
  outgoing: number
  new: number
  known: number
  would_apply?: number
  would_suggest?: number
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
  uploaded_by?: string | null
  committed_by?: string | null
  committed_at?: string | null
  created_at?: string
}

export type Stats = {
  received: { currency_code: string; today: Amount; week: Amount }[]
  matched_automatically: number | null
  suggestions_pending: number
  unmatched: number
  orders_on_hold: number
  customer_confirmed: number
}
