/**
 * The reference's check letter (reference.ts makes references with it):
 *   check = Σ base36(char) × (index + 1) over prefix + digits, mod 23 → letter of CHECK_ALPHABET.
 * The alphabet leaves out I, L and O, which shoppers confuse with 1 and 0.
 */
export const CHECK_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ"

/** `body` is prefix + order number, upper-case, letters and digits only. */
export function checkLetter(body: string): string {
  let sum = 0
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i)
    // base36: "0".."9" → 0..9, "A".."Z" → 10..35
    const v = c <= 57 ? c - 48 : c - 55
    sum += v * (i + 1)
  }
  return CHECK_ALPHABET[sum % CHECK_ALPHABET.length]
}

export function isValidCheck(
  body: string,
  letter: string | null | undefined
): boolean {
  return !!letter && checkLetter(body) === letter
}
