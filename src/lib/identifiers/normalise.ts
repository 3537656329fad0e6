import { phoneOf } from "../match/memo"

/**
 * How the identifiers an order carries (phone, tax code) are stored on its expectation, in the
 * same normal form the memo parser produces, so that a look-up is an exact index match.
 */

/** Vietnamese phone numbers in national form: "+84 912 345 678", "84912345678" → "0912345678". */
export function normalisePhone(raw: string | null | undefined): string | null {
  if (!raw) {
    return null
  }
  const digits = raw.replace(/\D/g, "")
  // A form may drop the leading 0 ("912345678"); the memo parser never sees that case.
  return phoneOf(
    digits.length === 9 && !digits.startsWith("0") ? `0${digits}` : digits
  )
}

/** Vietnamese tax codes (MST): 10 digits, 12 (personal), or 10 + 3-digit branch, without the dash. */
export function normaliseTaxCode(
  raw: string | null | undefined
): string | null {
  if (!raw) {
    return null
  }
  const digits = raw.replace(/[\s.-]/g, "")
  return /^(\d{10}|\d{12}|\d{13})$/.test(digits) ? digits : null
}
