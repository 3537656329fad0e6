/**
 * How the identifiers an order carries (phone, tax code) are stored on its expectation, in the
 * same normal form the memo parser produces, so that a look-up is an exact index match.
 */

/** Vietnamese phone numbers in national form: "+84 912 345 678", "84912345678" → "0912345678". */
export function normalisePhone(raw: string | null | undefined): string | null {
  if (!raw) return null
  let digits = raw.replace(/\D/g, "")
  if (digits.startsWith("84") && digits.length === 11) digits = `0${digits.slice(2)}`
  if (digits.length === 9 && !digits.startsWith("0")) digits = `0${digits}`
  return /^0\d{9}$/.test(digits) ? digits : null
}

/** Vietnamese tax codes (MST): 10 digits, 12 (personal), or 10 + 3-digit branch, without the dash. */
export function normaliseTaxCode(raw: string | null | undefined): string | null {
  if (!raw) return null
  const digits = raw.replace(/[\s.\-]/g, "")
  return /^(\d{10}|\d{12}|\d{13})$/.test(digits) ? digits : null
}
