/**
 * An accountant's search for the order a transfer pays ("nguyễn văn an", "an@example.com",
 * "0912 345 678", "#1042", "DH1042K") as the values the candidate look-up compares: a LIKE
 * pattern for email, the normalised words for names (diacritics and case ignored, as banks write
 * payers' names), and exact values for the order number, reference and phone.
 */
import { normalisePhone } from "../identifiers/normalise"
import { normaliseMemo } from "./memo"

export type HandSearch = {
  email: string
  name_key: string | null
  order_number: string | null
  reference: string | null
  phone: string | null
  phone_digits: string | null
}

/** `%text%` with LIKE's own characters taken literally (PostgreSQL's default escape is "\"). */
export const likePattern = (text: string) =>
  `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

/** The search's values; null when `q` holds nothing to search by. */
export function handSearch(q: string | null | undefined): HandSearch | null {
  const text = (q ?? "").trim()
  if (!text) {
    return null
  }
  const key = normaliseMemo(text)
  const compact = key.replace(/ /g, "")
  const digits = text.replace(/[\s.#()+-]/g, "")
  const numeric = /^\d+$/.test(digits)
  // "#1042" is an order number, never a phone.
  const phoneLike = numeric && !text.startsWith("#")
  return {
    email: likePattern(text),
    name_key: key ? likePattern(key) : null,
    order_number: numeric ? digits.replace(/^0+(?=\d)/, "") : null,
    reference: /^[A-Z][A-Z0-9]{2,24}$/.test(compact) ? compact : null,
    phone: phoneLike ? normalisePhone(digits) : null,
    // A part of a phone number: at least 4 digits, so that "12" does not find every phone.
    phone_digits: phoneLike && digits.length >= 4 ? likePattern(digits) : null,
  }
}
