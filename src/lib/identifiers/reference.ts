/**
 * Payment references: prefix + order number + one check letter, e.g. "DH1042Q".
 *
 * The check letter catches the typos shoppers make when copying a code into a banking app: any
 * single wrong digit and any swap of two neighbouring digits. Its alphabet has no I, L or O (read
 * as 1 and 0), and it is always a letter, so "DH1042" + "K" can never be mistaken for a longer
 * order number. 23 letters, a prime: weighted sums mod 23 detect those errors.
 */
import { CHECK_ALPHABET, checkLetter } from "./check-letter"

export { CHECK_ALPHABET, checkLetter }
export const MAX_MEMO_LENGTH = 25

const SAFE_PREFIX = new RegExp(`^[${CHECK_ALPHABET}]{1,6}$`)

/** Null when the prefix is usable, else what is wrong with it. */
export function validatePrefix(prefix: string): string | null {
  return SAFE_PREFIX.test(prefix)
    ? null
    : "must be 1-6 upper-case letters without I, L or O"
}

export function makeReference(
  prefix: string,
  orderNumber: number | string
): string {
  const problem = validatePrefix(prefix)
  if (problem) {
    throw new Error(`Reference prefix "${prefix}" ${problem}`)
  }
  const digits = String(orderNumber).replace(/^0+(?=\d)/, "")
  if (!/^\d{1,12}$/.test(digits)) {
    throw new Error(`Order number "${orderNumber}" must be digits`)
  }
  const body = `${prefix}${digits}`
  return `${body}${checkLetter(body)}`
}

export function isValidReference(reference: string, prefix?: string): boolean {
  const m = reference.toUpperCase().match(/^([A-Z]{1,6}?)(\d{1,12})([A-Z])$/)
  if (!m || (prefix && m[1] !== prefix.toUpperCase())) {
    return false
  }
  return checkLetter(`${m[1]}${m[2]}`) === m[3]
}

/**
 * The memo the shopper is asked to write: the reference, and for business customers their tax
 * code (digits only: "0101234567-001" → "0101234567001"). Banks cut memos beyond 25 characters,
 * so the tax code is dropped when it would not fit.
 */
export function makeMemo({
  reference,
  taxCode,
}: {
  reference: string
  taxCode?: string | null
}): string {
  if (reference.length > MAX_MEMO_LENGTH) {
    throw new Error(
      `Reference "${reference}" is longer than ${MAX_MEMO_LENGTH} characters`
    )
  }
  const digits = taxCode?.replace(/\D/g, "")
  const memo = digits ? `${reference} ${digits}` : reference
  return memo.length <= MAX_MEMO_LENGTH ? memo : reference
}
