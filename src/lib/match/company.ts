/**
 * Company names as payers write them: "CONG TY TNHH TM DV HOANG PHAT", "Cty Hoang Phat",
 * "HOANG PHAT CO., LTD". What identifies the company is what is left after the legal form and the
 * generic trade words, the *key* ("HOANG PHAT"); the memo is compared with the key, tolerating a
 * typo per long word.
 */
import { normaliseMemo } from "./memo"

/** Multi-word legal forms and generic trade words, removed before single words (longest first). */
const PHRASES = [
  "TRACH NHIEM HUU HAN",
  "MOT THANH VIEN",
  "DOANH NGHIEP TU NHAN",
  "XUAT NHAP KHAU",
  "HOP TAC XA",
  "CONG TY",
  "CO PHAN",
  "THUONG MAI",
  "DICH VU",
  "SAN XUAT",
  "XAY DUNG",
  "DAU TU",
  "CHI NHANH",
  "VAN PHONG DAI DIEN",
  "TAP DOAN",
]
// Whole words only: "CONG TY" must not eat the "CONG" of "THANH CONG".
const PHRASE_RE = new RegExp(`(?:^| )(?:${PHRASES.join("|")})(?= |$)`, "g")

/** Single words that carry no identity: legal forms, their abbreviations, connectors. */
const LEGAL_WORDS = new Set([
  "CTY",
  "CT",
  "TNHH",
  "CP",
  "CTCP",
  "MTV",
  "JSC",
  "LTD",
  "CO",
  "LLC",
  "INC",
  "CORP",
  "CORPORATION",
  "COMPANY",
  "LIMITED",
  "PLC",
  "GMBH",
  "AG",
  "SA",
  "SAS",
  "BV",
  "PTE",
  "TM",
  "DV",
  "TMDV",
  "DVTM",
  "XNK",
  "SX",
  "TMSX",
  "SXTM",
  "XD",
  "DNTN",
  "HTX",
  "CN",
  "VPDD",
  "VA",
  "AND",
  "THE",
  "OF",
])

/** Too common to find a company by (still part of the key, never its look-up token). */
const COMMON_WORDS = new Set([
  "VIET",
  "NAM",
  "VIETNAM",
  "VN",
  "GROUP",
  "HA",
  "NOI",
  "HANOI",
  "SAI",
  "GON",
  "SAIGON",
  "HO",
  "CHI",
  "MINH",
  "HCM",
  "QUOC",
  "TE",
  "INTERNATIONAL",
  "GLOBAL",
  "ASIA",
  "MIEN",
  "BAC",
  "TRUNG",
  "NGHE",
  "CONG",
  "THIET",
  "BI",
  "GIAI",
  "PHAP",
  "TECHNOLOGY",
  "SOLUTIONS",
  "SERVICES",
  "TRADING",
])

/** The identifying words of a company name, normalised and space-joined ("" if none). */
export function companyKey(name: string | null | undefined): string {
  const s = normaliseMemo(name)
  if (!s) {
    return ""
  }
  return s
    .replace(PHRASE_RE, " ")
    .split(" ")
    .filter((w) => w && !LEGAL_WORDS.has(w))
    .join(" ")
}

/**
 * The single most distinctive word of the key, stored on the expectation and indexed, so that a
 * memo word can find the company with one index look-up: the longest word that is not a common
 * one (tie → the first); the longest word at all if every word is common.
 */
export function companyLookupToken(name: string | null | undefined): string {
  return companyLookupTokenFromKey(companyKey(name))
}

/** The same, from a key already computed by companyKey. */
export function companyLookupTokenFromKey(key: string): string {
  const words = key.split(" ").filter(Boolean)
  const pick = (ws: string[]) =>
    ws.reduce((best, w) => (w.length > best.length ? w : best), "")
  return pick(words.filter((w) => !COMMON_WORDS.has(w))) || pick(words)
}

/**
 * Words every memo is made of ("chuyen tien", "thanh toan don hang") and bank tags: never looked
 * up as company tokens, or every memo would fetch the orders of a company with such a word.
 * ("THANH" stays: it is the distinctive word of many company names.)
 */
const MEMO_WORDS = new Set([
  "CHUYEN",
  "TIEN",
  "KHOAN",
  "TOAN",
  "DON",
  "HANG",
  "NOP",
  "CHO",
  "CUA",
  "NGAY",
  "DOT",
  "GUI",
  "NHAN",
  "CHUYENKHOAN",
  "THANHTOAN",
  "CHUYENTIEN",
  "ORDER",
  "PAYMENT",
  "TRANSFER",
  "MBVCB",
  "IBVCB",
  "IBFT",
  "NAPAS",
])
const TOKEN_SHAPE = /^[A-Z][A-Z0-9]*$/

/** Whether a memo word can be a company's look-up token (≥ 3, starts with a letter, not boilerplate). */
export function isCompanyTokenCandidate(word: string): boolean {
  return (
    word.length >= 3 &&
    TOKEN_SHAPE.test(word) &&
    !LEGAL_WORDS.has(word) &&
    !COMMON_WORDS.has(word) &&
    !MEMO_WORDS.has(word)
  )
}

/** A word found with one typo counts this much (so a typo'd name is "nearly" matched, not equal). */
const TYPO_WEIGHT = 0.9

/** Damerau-Levenshtein (optimal string alignment) distance ≤ 1, without building a matrix. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) {
    return true
  }
  const la = a.length
  const lb = b.length
  if (Math.abs(la - lb) > 1) {
    return false
  }
  let i = 0
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) {
    i++
  }
  if (la === lb) {
    // one substitution, or one transposition of neighbours
    if (a.slice(i + 1) === b.slice(i + 1)) {
      return true
    }
    return (
      i + 1 < la &&
      a[i] === b[i + 1] &&
      a[i + 1] === b[i] &&
      a.slice(i + 2) === b.slice(i + 2)
    )
  }
  // one insertion / deletion
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1)
}

/**
 * How much of a company key the memo contains, 0..1: the share of the key's words found among
 * the memo's words, a word of 5+ letters also counting, a little less, with one typo. A memo with its spaces
 * removed by the bank ("CTYHOANGPHAT") counts as containing the whole key when the key is long
 * enough (6+ letters) not to turn up inside unrelated words by chance.
 */
export function companySimilarity(
  key: string | null | undefined,
  memoTokens: readonly string[] | ReadonlySet<string>
): number {
  if (!key) {
    return 0
  }
  const words = key.split(" ").filter(Boolean)
  if (!words.length) {
    return 0
  }
  const set: ReadonlySet<string> =
    memoTokens instanceof Set
      ? memoTokens
      : new Set(memoTokens as readonly string[])
  let found = 0
  for (const w of words) {
    if (set.has(w)) {
      found++
      continue
    }
    if (w.length < 5) {
      continue
    }
    for (const t of set) {
      if (
        t.length >= w.length - 1 &&
        t.length <= w.length + 1 &&
        withinOneEdit(w, t)
      ) {
        found += TYPO_WEIGHT
        break
      }
    }
  }
  if (found === words.length) {
    return 1
  }
  const compactKey = words.join("")
  if (compactKey.length >= 6) {
    for (const t of set) {
      if (t.length >= compactKey.length && t.includes(compactKey)) {
        return 1
      }
    }
  }
  return found / words.length
}
