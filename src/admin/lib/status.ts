/**
 * Labels and badge colours, in one place so that the widget and the page agree. Labels are
 * translation keys (src/admin/i18n), written out in full so that the key check finds every one.
 */
import { humanise, type Translate } from "./i18n"

type Color = "green" | "red" | "blue" | "orange" | "grey" | "purple"

const EXPECTATION: Record<string, [string, Color]> = {
  awaiting_transfer: [
    "bankTransfer.status.expectation.awaiting_transfer",
    "orange",
  ],
  partially_paid: ["bankTransfer.status.expectation.partially_paid", "blue"],
  paid: ["bankTransfer.status.expectation.paid", "green"],
  awaiting_customer_confirmation: [
    "bankTransfer.status.expectation.awaiting_customer_confirmation",
    "orange",
  ],
  customer_confirmed: [
    "bankTransfer.status.expectation.customer_confirmed",
    "purple",
  ],
  tentatively_canceled: [
    "bankTransfer.status.expectation.tentatively_canceled",
    "red",
  ],
  needs_attention: ["bankTransfer.status.expectation.needs_attention", "red"],
  canceled: ["bankTransfer.status.expectation.canceled", "grey"],
  refunded: ["bankTransfer.status.expectation.refunded", "grey"],
}

const TRANSACTION: Record<string, [string, Color]> = {
  unmatched: ["bankTransfer.status.transaction.unmatched", "orange"],
  suggested: ["bankTransfer.status.transaction.suggested", "blue"],
  partially_applied: [
    "bankTransfer.status.transaction.partially_applied",
    "blue",
  ],
  matched: ["bankTransfer.status.transaction.matched", "green"],
  ignored: ["bankTransfer.status.transaction.ignored", "grey"],
  returned: ["bankTransfer.status.transaction.returned", "purple"],
}

const SUGGESTION: Record<string, [string, Color]> = {
  pending: ["bankTransfer.status.suggestion.pending", "orange"],
  confirmed: ["bankTransfer.status.suggestion.confirmed", "green"],
  rejected: ["bankTransfer.status.suggestion.rejected", "grey"],
  superseded: ["bankTransfer.status.suggestion.superseded", "grey"],
}

function lookup(
  table: Record<string, [string, Color]>,
  status: string | null | undefined,
  t: Translate
) {
  const found = table[status ?? ""]
  return found
    ? { label: t(found[0]), color: found[1] }
    : { label: humanise(status ?? "unknown"), color: "grey" as Color }
}

export const expectationStatus = (s: string | null | undefined, t: Translate) =>
  lookup(EXPECTATION, s, t)
export const transactionStatus = (s: string | null | undefined, t: Translate) =>
  lookup(TRANSACTION, s, t)
export const suggestionStatus = (s: string | null | undefined, t: Translate) =>
  lookup(SUGGESTION, s, t)

export const TRANSACTION_STATUSES = Object.keys(TRANSACTION)
export const SUGGESTION_STATUSES = Object.keys(SUGGESTION)

/** The escalation job's next step, as the accountant would say it. */
export function nextStepLabel(
  step: string | null | undefined,
  t: Translate
): string | null {
  if (!step) {
    return null
  }
  if (step.startsWith("confirmation")) {
    return t("bankTransfer.nextStep.confirmation")
  }
  if (step === "tentative_cancel") {
    return t("bankTransfer.nextStep.tentative_cancel")
  }
  if (step === "final_cancel") {
    return t("bankTransfer.nextStep.final_cancel")
  }
  return humanise(step)
}

/** What the audit trail records (src/modules, src/workflows), as a sentence start. */
const ACTIONS: Record<string, string> = {
  expectation_created: "bankTransfer.audit.action.expectation_created",
  suggested: "bankTransfer.audit.action.suggested",
  suggestion_rejected: "bankTransfer.audit.action.suggestion_rejected",
  allocated: "bankTransfer.audit.action.allocated",
  allocation_reversed: "bankTransfer.audit.action.allocation_reversed",
  capture_failed: "bankTransfer.audit.action.capture_failed",
  capture_recovered: "bankTransfer.audit.action.capture_recovered",
  captured_in_medusa: "bankTransfer.audit.action.captured_in_medusa",
  refunded_in_medusa: "bankTransfer.audit.action.refunded_in_medusa",
  order_canceled_in_medusa:
    "bankTransfer.audit.action.order_canceled_in_medusa",
  confirmation_requested: "bankTransfer.audit.action.confirmation_requested",
  customer_confirmed: "bankTransfer.audit.action.customer_confirmed",
  reconciliation_resumed: "bankTransfer.audit.action.reconciliation_resumed",
  settings_changed: "bankTransfer.audit.action.settings_changed",
  statement_committed: "bankTransfer.audit.action.statement_committed",
  ignored: "bankTransfer.audit.action.ignored",
  marked_for_return: "bankTransfer.audit.action.marked_for_return",
  return_refund_recorded: "bankTransfer.audit.action.return_refund_recorded",
  return_refund_rolled_back:
    "bankTransfer.audit.action.return_refund_rolled_back",
  return_kept_for_customer:
    "bankTransfer.audit.action.return_kept_for_customer",
  return_closed: "bankTransfer.audit.action.return_closed",
  unmatched: "bankTransfer.audit.action.unmatched",
  sighting_joined: "bankTransfer.audit.action.sighting_joined",
  possible_duplicate_held: "bankTransfer.audit.action.possible_duplicate_held",
  duplicate_confirmed_same:
    "bankTransfer.audit.action.duplicate_confirmed_same",
  duplicate_confirmed_different:
    "bankTransfer.audit.action.duplicate_confirmed_different",
  paid: "bankTransfer.audit.action.paid",
  partially_paid: "bankTransfer.audit.action.partially_paid",
  tentatively_canceled: "bankTransfer.audit.action.tentatively_canceled",
  needs_attention: "bankTransfer.audit.action.needs_attention",
  canceled: "bankTransfer.audit.action.canceled",
  refunded: "bankTransfer.audit.action.refunded",
}

/** Audit actions ("allocation_created") as a sentence start ("Allocation created"). */
export function actionLabel(action: string, t: Translate): string {
  if (ACTIONS[action]) {
    return t(ACTIONS[action])
  }
  if (action.startsWith("escalation:")) {
    const step = nextStepLabel(action.slice("escalation:".length), t)
    return t("bankTransfer.audit.action.escalation", { step })
  }
  return humanise(action)
}

const ACTOR_TYPES: Record<string, string> = {
  system: "bankTransfer.actor.system",
  webhook: "bankTransfer.actor.webhook",
  import: "bankTransfer.actor.import",
  admin: "bankTransfer.actor.admin",
  shopper: "bankTransfer.actor.shopper",
}

/** "admin:user_01…" (how allocations record their author) or a bare actor type, in words. */
export function actorLabel(
  actor: string | null | undefined,
  t: Translate
): string {
  if (!actor) {
    return "—"
  }
  const [type] = actor.split(":")
  return ACTOR_TYPES[type] ? t(ACTOR_TYPES[type]) : actor
}

export const actorTypeLabel = (type: string, t: Translate) =>
  ACTOR_TYPES[type] ? t(ACTOR_TYPES[type]) : type

/** Vendors' own spellings stay as they are; the plugin's own channels are translated. */
const SOURCES: Record<string, string | [string]> = {
  sepay: "SePay",
  casso: "Casso",
  payos: "payOS",
  generic: ["bankTransfer.source.generic"],
  statement: ["bankTransfer.source.statement"],
  simulation: ["bankTransfer.source.simulation"],
}

/** Where a transfer was reported from, as its vendor spells it ("sepay" → "SePay"). */
export function sourceLabel(
  source: string | null | undefined,
  t: Translate
): string {
  const s = SOURCES[source ?? ""]
  if (s === undefined) {
    return humanise(source ?? "unknown")
  }
  return typeof s === "string" ? s : t(s[0])
}

const BASES: Record<string, string> = {
  shared_key: "bankTransfer.basis.shared_key",
  key_in_memo: "bankTransfer.basis.key_in_memo",
  memo: "bankTransfer.basis.memo",
  same_day_amount: "bankTransfer.basis.same_day_amount",
  facts_differ: "bankTransfer.basis.facts_differ",
  same_file: "bankTransfer.basis.same_file",
  keys_differ: "bankTransfer.basis.keys_differ",
  same_channel: "bankTransfer.basis.same_channel",
  outside_window: "bankTransfer.basis.outside_window",
}

/** Why two reports were taken for one transfer, or could not be told apart (src/lib/ingest/identity.ts). */
export const basisLabel = (basis: string | null | undefined, t: Translate) =>
  basis ? (BASES[basis] ? t(BASES[basis]) : humanise(basis)) : "—"

/**
 * Where a line sits in its statement file, as the parsers write it ("row 12", "line 6 (:61:)",
 * "<STMTTRN> 1.2 at line 5", "Stmt[1]/Ntry[2]"): the words row/line in the admin's language, the
 * rest (numbers, tags, paths) as it is.
 */
export function fileLocation(line: string | number, t: Translate): string {
  const s = String(line)
  return s
    .replace(/\brow (\d+)/g, (_, n: string) =>
      t("bankTransfer.sighting.row", { n })
    )
    .replace(/\bline (\d+)/g, (_, n: string) =>
      t("bankTransfer.sighting.line", { n })
    )
}
