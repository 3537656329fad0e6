/** Labels and badge colours, in one place so that the widget and the page agree. */
type Color = "green" | "red" | "blue" | "orange" | "grey" | "purple"

const EXPECTATION: Record<string, [string, Color]> = {
  awaiting_transfer: ["Awaiting transfer", "orange"],
  partially_paid: ["Partially paid", "blue"],
  paid: ["Paid", "green"],
  awaiting_customer_confirmation: ["Asked shopper to confirm", "orange"],
  customer_confirmed: ["Shopper says paid", "purple"],
  tentatively_canceled: ["On hold (unpaid)", "red"],
  needs_attention: ["Needs attention", "red"],
  canceled: ["Canceled", "grey"],
  refunded: ["Refunded", "grey"],
}

const TRANSACTION: Record<string, [string, Color]> = {
  unmatched: ["Unmatched", "orange"],
  suggested: ["Suggested", "blue"],
  partially_applied: ["Partially applied", "blue"],
  matched: ["Matched", "green"],
  ignored: ["Ignored", "grey"],
  returned: ["To return", "purple"],
}

const SUGGESTION: Record<string, [string, Color]> = {
  pending: ["Pending", "orange"],
  confirmed: ["Confirmed", "green"],
  rejected: ["Rejected", "grey"],
  superseded: ["Superseded", "grey"],
}

const humanise = (s: string) =>
  s.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase())

function lookup(
  table: Record<string, [string, Color]>,
  status: string | null | undefined
) {
  const [label, color] = table[status ?? ""] ?? [
    humanise(status ?? "unknown"),
    "grey" as Color,
  ]
  return { label, color }
}

export const expectationStatus = (s?: string | null) => lookup(EXPECTATION, s)
export const transactionStatus = (s?: string | null) => lookup(TRANSACTION, s)
export const suggestionStatus = (s?: string | null) => lookup(SUGGESTION, s)

export const TRANSACTION_STATUSES = Object.keys(TRANSACTION)
export const SUGGESTION_STATUSES = Object.keys(SUGGESTION)

/** The escalation job's next step, as the accountant would say it. */
export function nextStepLabel(step: string | null | undefined): string | null {
  if (!step) {
    return null
  }
  if (step.startsWith("confirmation")) {
    return "Ask the shopper to confirm"
  }
  if (step === "tentative_cancel") {
    return "Put the order on hold"
  }
  if (step === "final_cancel") {
    return "Cancel the order"
  }
  return humanise(step)
}

/** Audit actions ("allocation_created") as a sentence start ("Allocation created"). */
export const actionLabel = (action: string) => humanise(action)

const ACTOR_TYPES: Record<string, string> = {
  system: "Matcher",
  webhook: "Bank webhook",
  import: "Statement import",
  admin: "Admin",
  shopper: "Shopper",
}

/** "admin:user_01…" (how allocations record their author) or a bare actor type, in words. */
export function actorLabel(actor: string | null | undefined): string {
  if (!actor) {
    return "—"
  }
  const [type] = actor.split(":")
  return ACTOR_TYPES[type] ?? actor
}

export const actorTypeLabel = (type: string) => ACTOR_TYPES[type] ?? type

const SOURCES: Record<string, string> = {
  sepay: "SePay",
  casso: "Casso",
  payos: "payOS",
  generic: "Generic webhook",
  statement: "Statement",
  simulation: "Simulation",
}

/** Where a transfer was reported from, as its vendor spells it ("sepay" → "SePay"). */
export const sourceLabel = (source: string | null | undefined) =>
  SOURCES[source ?? ""] ?? humanise(source ?? "unknown")

const BASES: Record<string, string> = {
  shared_key: "Same bank reference",
  key_in_memo: "The bank reference appears in the other memo",
  memo: "One memo contains the other",
  same_day_amount: "Same account, amount and day; the memos are unrelated",
  facts_differ: "Amount, currency, direction or account differ",
  same_file: "Two lines of one statement file",
  keys_differ: "Different bank references",
  same_channel: "Two reports from one channel",
  outside_window: "Booked more than a day apart",
}

/** Why two reports were taken for one transfer, or could not be told apart (src/lib/ingest/identity.ts). */
export const basisLabel = (basis: string | null | undefined) =>
  basis ? (BASES[basis] ?? humanise(basis)) : "—"
