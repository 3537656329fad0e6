import { formatMoney } from "./money"
import type { Translate } from "./i18n"

/** A matcher's reason as the server stores it (see src/lib/match/types.ts Reason). */
export type ReasonLike = {
  code?: string
  message: string
  params?: Record<string, string> | null
}

/** The reason's key by code; some codes read differently by their params. */
const KEYS: Record<string, string | ((p: Record<string, string>) => string)> = {
  reference_found: "bankTransfer.serverText.reasons.referenceFound",
  reference_check_invalid: (p) =>
    p.check
      ? "bankTransfer.serverText.reasons.referenceCheckWrong"
      : "bankTransfer.serverText.reasons.referenceCheckMissing",
  order_number_found: "bankTransfer.serverText.reasons.orderNumberFound",
  tax_code_matches: "bankTransfer.serverText.reasons.taxCodeMatches",
  tax_code_branch: "bankTransfer.serverText.reasons.taxCodeBranch",
  phone_matches: "bankTransfer.serverText.reasons.phoneMatches",
  company_matches: (p) =>
    p.similarity === "100"
      ? "bankTransfer.serverText.reasons.companyMatches"
      : "bankTransfer.serverText.reasons.companyNearlyMatches",
  amount_equal: "bankTransfer.serverText.reasons.amountEqual",
  amount_within_tolerance:
    "bankTransfer.serverText.reasons.amountWithinTolerance",
  amount_less: "bankTransfer.serverText.reasons.amountDiffers",
  amount_more: "bankTransfer.serverText.reasons.amountDiffers",
  surplus: "bankTransfer.serverText.reasons.surplus",
  write_off: "bankTransfer.serverText.reasons.writeOff",
  partial_payment: "bankTransfer.serverText.reasons.partialPayment",
  partials_disabled: "bankTransfer.serverText.reasons.partialsDisabled",
  amount_only: "bankTransfer.serverText.reasons.amountOnly",
  split_sum: "bankTransfer.serverText.reasons.splitSum",
  split_sum_differs: "bankTransfer.serverText.reasons.splitSumDiffers",
  exact_sum: "bankTransfer.serverText.reasons.exactSum",
  ambiguous: "bankTransfer.serverText.reasons.ambiguous",
  // The candidates of a match by hand (lib/match/rank-candidates).
  payer_name_matches: (p) =>
    p.similarity === "100"
      ? "bankTransfer.candidates.reasons.payerName"
      : "bankTransfer.candidates.reasons.payerNameNearly",
  placed_recently: (p) =>
    p.days === "0"
      ? "bankTransfer.candidates.reasons.placedToday"
      : "bankTransfer.candidates.reasons.placedDaysBefore",
  placed_after_booking: "bankTransfer.candidates.reasons.placedAfterBooking",
  rejected_before: "bankTransfer.candidates.reasons.rejectedBefore",
}

/** Params that are amounts (exact decimal strings in `params.currency`). */
const MONEY = [
  "amount",
  "remaining",
  "difference",
  "tolerance",
  "surplus",
  "short",
  "write_off",
  "sum",
]

/**
 * A matcher's reason in the admin's language: written from its code and params (amounts formatted
 * exactly in `locale`); a reason without params (stored before they existed) or of a code this
 * admin does not know is shown by the server's English message.
 */
export function reasonText(
  r: ReasonLike,
  t: Translate,
  locale?: string
): string {
  const entry = r.code ? KEYS[r.code] : undefined
  if (!entry || !r.params) {
    return r.message
  }
  const params = r.params
  const values: Record<string, string> = {}
  for (const [name, value] of Object.entries(params)) {
    values[name] =
      MONEY.includes(name) && params.currency
        ? formatMoney(value, params.currency, locale)
        : value
  }
  // A count of days reads in the language's plural forms.
  const count = params.days !== undefined ? { count: Number(params.days) } : {}
  return t(typeof entry === "string" ? entry : entry(params), {
    ...values,
    ...count,
  })
}
