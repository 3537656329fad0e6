import crypto from "crypto"
import { normaliseMemo } from "./identity"

const VIETNAM_OFFSET_MS = 7 * 3600 * 1000

/**
 * A content fingerprint of a bank line, identical whichever channel delivered it (webhook or
 * statement), so that a statement overlapping earlier webhooks adds nothing twice. The day is the
 * Vietnamese banking day; the memo is compared as banks mangle it (case, spacing, punctuation).
 */
export function fingerprint(line: {
  account: string | null
  booked_at: Date
  direction: "in" | "out"
  amount: string
  currency_code: string
  memo: string
}): string {
  const day = new Date(line.booked_at.getTime() + VIETNAM_OFFSET_MS)
    .toISOString()
    .slice(0, 10)
  const memo = normaliseMemo(line.memo)
  const amount = line.amount.includes(".")
    ? line.amount.replace(/\.?0+$/, "")
    : line.amount
  const key = [
    (line.account ?? "").replace(/\s/g, ""),
    day,
    line.direction,
    amount,
    line.currency_code.toUpperCase(),
    memo,
  ].join("|")
  return crypto.createHash("sha256").update(key).digest("hex")
}
