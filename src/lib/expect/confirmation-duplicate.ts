import { toMinorUnits } from "../money/minor-units"

/** An "I have paid" identical to one stored this recently is the same one sent twice (a double click, a resend). */
export const DUPLICATE_WINDOW_MS = 10 * 60 * 1000

export type StoredConfirmation = {
  created_at: Date | string
  message: string | null
  paid_on: string | null
  amount: unknown
  raw_amount?: { value?: unknown } | null
  channel: string
  files: unknown
}

export type NewConfirmation = {
  message: string | null
  paid_on: string | null
  amount: string | null
  channel: string
  files: { filename: string; content: string /* base64 */ }[]
}

/** The size the confirmation workflow records for a base64 file. */
export const base64Size = (content: string) =>
  Math.floor((content.length * 3) / 4)

/**
 * True when `stored` says exactly what `next` says (message, date, amount, channel, the same files
 * by name and size) and was stored less than DUPLICATE_WINDOW_MS before `now`.
 */
export function isSameConfirmation(
  stored: StoredConfirmation,
  next: NewConfirmation,
  currency: string,
  now = Date.now()
): boolean {
  if (now - new Date(stored.created_at).getTime() > DUPLICATE_WINDOW_MS) {
    return false
  }
  const amount = (v: unknown) =>
    v === null || v === undefined ? null : toMinorUnits(String(v), currency)
  const storedAmount = amount(stored.raw_amount?.value ?? stored.amount)
  const files = (Array.isArray(stored.files) ? stored.files : []) as {
    filename?: string
    size?: number
  }[]
  return (
    (stored.message ?? null) === next.message &&
    (stored.paid_on ?? null) === next.paid_on &&
    storedAmount === amount(next.amount) &&
    stored.channel === next.channel &&
    files.length === next.files.length &&
    next.files.every(
      (f, i) =>
        files[i]?.filename === f.filename &&
        files[i]?.size === base64Size(f.content)
    )
  )
}
