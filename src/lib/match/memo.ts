/**
 * Reads identifiers out of a transfer memo the way Vietnamese banks deliver it: diacritics
 * stripped or not, upper or lower case, separators inside codes, bank-added prefixes with
 * transaction ids and account numbers ("MBVCB.3278907687.…", "CT tu 0011004123456 toi …").
 *
 * It over-reports rather than under-reports ambiguous numbers (a 10-digit number starting with 0
 * is both a phone and a tax code): the candidate look-up keeps only what exists, and decide()
 * weighs the evidence. What it must not do is report numbers the bank added.
 */
import { isValidCheck } from "../identifiers/check-letter"
import type { MemoIdentifiers, MemoReference } from "./types"

const MARKS = /[\u0300-\u036f]/g
const D_STROKE = /[đĐ]/g
const NON_ALNUM = /[^A-Z0-9]+/g
// Anything outside ASCII (the control range included on purpose: it is ASCII).
// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/

/** Strip diacritics (đ → D), upper-case, every run of other characters → one space, trim. */
export function normaliseMemo(raw: string | null | undefined): string {
  if (!raw) {
    return ""
  }
  // Most bank memos are already ASCII: skip the (costly) Unicode decomposition for them.
  const ascii = NON_ASCII.test(raw)
    ? raw.normalize("NFD").replace(MARKS, "").replace(D_STROKE, "D")
    : raw
  return ascii.toUpperCase().replace(NON_ALNUM, " ").trim()
}

// Dates and times would otherwise become bare numbers ("12/05/2024" → 12, 5, 2024) that look like
// order numbers; they are removed from the raw memo while their separators are still visible.
const DATES_TIMES =
  /(?<!\d)(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}(?::\d{2})?)(?!\d)/g

/**
 * Words after which numbers belong to the bank, not to the shopper: transaction ids after the
 * bank's tag (MBVCB.3278907687), accounts after "tu"/"toi" (from/to), trace and reference numbers.
 * All consecutive numeric words after one of these are skipped.
 */
const BANK_NUMBER_LABELS = new Set([
  "TU",
  "TOI",
  "DEN",
  "TK",
  "STK",
  "TAIKHOAN",
  "ACC",
  "ACCOUNT",
  "MBVCB",
  "IBVCB",
  "VCB",
  "SMSVCB",
  "MB",
  "MBB",
  "ACB",
  "TCB",
  "VPB",
  "BIDV",
  "VTB",
  "CTG",
  "TPB",
  "VIB",
  "SHB",
  "HDB",
  "OCB",
  "MSB",
  "SCB",
  "AGR",
  "AGRIBANK",
  "VBA",
  "NAPAS",
  "NAPAS247",
  "IBFT",
  "FT",
  "QR",
  "REF",
  "TRACE",
  "GD",
  "MAGD",
  "SOGD",
  "TRANSID",
  "TXN",
  "SEQ",
])
/** After these words a 12-digit number is a personal tax id (12 digits are otherwise ID cards or accounts). */
const TAX_LABELS = new Set(["MST", "MSDN", "TAX", "VAT", "TIN"])
/** After these words a 9-digit number is a phone written without its leading 0. */
const PHONE_LABELS = new Set(["SDT", "DT", "DTDD", "TEL", "PHONE", "MOBILE"])
/** Labels that shoppers glue to the number: "MST0101234567", "SDT0912345678", "DON1042". */
const GLUED_LABEL = /^(MST|MSDN|SDT|DT|TEL|DON|ORDER|MADON)(\d+)$/
/**
 * A number followed by one letter ("1042Q"): the shopper dropped the prefix. Read as an order
 * number only when the letter is the right check letter for one of the prefixes, so that
 * "500K" (Vietnamese shorthand for 500,000) is not taken for order 500.
 */
const DIGITS_LETTER = /^0*(\d{1,9})[A-Z]$/
const DIGITS = /^\d+$/
/**
 * A bank's transaction id glued to its tag ("IBBIZ6076649616", "FT24123456789"): like a bank label,
 * the numeric words after it are the bank's, not the shopper's.
 */
const GLUED_BANK_ID = /^[A-Z]{2,8}\d{6,}$/
/**
 * Words that announce an order number ("don hang so 5", "order 5", "#5", "ma don 5"). A number of
 * one significant digit is an order number only right after one of these (or after one of the
 * merchant's prefixes, "DH 5"): alone it is far more often a piece of the bank's text (a sequence
 * number "MBVCB.3278907687.5.", "lan 2", "toi 1").
 */
const ORDER_MARKERS = new Set(["DON", "ORDER", "ORD", "MADON", "DONHANG"])
/** Words that may stand between a marker and its number: "don HANG SO 5", "ORDER NO 5". */
const MARKER_FILLERS = new Set(["HANG", "SO", "NO", "MA", "NUMBER"])

type Compiled = { prefixes: string[]; scan: RegExp }
const compiledCache = new Map<string, Compiled>()

/** One regex per prefix set, compiled once: every call with the same prefixes reuses it. */
function compile(prefixes: string[]): Compiled {
  const key = prefixes.join("|")
  let c = compiledCache.get(key)
  if (!c) {
    const clean = [
      ...new Set(
        prefixes.map((p) => normaliseMemo(p).replace(/ /g, "")).filter(Boolean)
      ),
    ].sort((a, b) => b.length - a.length)
    // prefix, an optional separator, the digits; what follows is examined by hand (check letter).
    const scan = clean.length
      ? new RegExp(`(${clean.join("|")}) ?(\\d{1,12})`, "g")
      : /(?!)/g
    c = { prefixes: clean, scan }
    compiledCache.set(key, c)
  }
  return c
}

const isDigit = (c: number) => c >= 48 && c <= 57
const isLetter = (c: number) => c >= 65 && c <= 90

/**
 * Finds references in the normalised memo: "DH1042K", "DH 1042 K", "DH01042K", glued after a
 * bank prefix ("…3278907687DH1042K") or, when the check letter proves it, glued after other
 * letters ("THANHTOANDH1042K", from banks that strip every space). Returns the references and
 * the character spans they used, so their digits are not read a second time as other numbers.
 */
function findReferences(s: string, c: Compiled) {
  const refs: MemoReference[] = []
  const spans: [number, number][] = []
  const re = c.scan
  re.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = re.exec(s))) {
    const start = m.index
    let end = start + m[0].length
    if (end < s.length && isDigit(s.charCodeAt(end))) {
      continue
    } // a longer number: not a reference
    const prefix = m[1]
    const orderNumber = m[2].replace(/^0+/, "")
    if (!orderNumber) {
      continue
    }
    const body = prefix + orderNumber
    let check: string | null = null
    let glued = false
    const c0 = s.charCodeAt(end)
    if (isLetter(c0)) {
      // "DH1042K…": the letter right after the digits; followed by more letters it is only a check
      // letter if it is the right one (banks that remove spaces), otherwise the start of a word.
      check = s[end]
      glued = end + 1 < s.length && isLetter(s.charCodeAt(end + 1))
      if (glued && !isValidCheck(body, check)) {
        check = null
      } else {
        end += 1
      }
    } else if (c0 === 32 && isLetter(s.charCodeAt(end + 1))) {
      // "DH 1042 K": a single letter standing alone after the number.
      const after = s.charCodeAt(end + 2)
      if (end + 2 >= s.length || after === 32) {
        check = s[end + 1]
        end += 2
      }
    }
    const checkValid = isValidCheck(body, check)
    const left = start === 0 ? 32 : s.charCodeAt(start - 1)
    const leftBoundary = left === 32 || isDigit(left)
    // Glued to a preceding word, only a valid check letter makes it a reference (and only for
    // prefixes of two letters or more): "MADH1042" proves nothing, "THANHTOANDH1042Q" does.
    if (!leftBoundary && !(checkValid && prefix.length >= 2)) {
      continue
    }
    refs.push({ body, prefix, orderNumber, check, checkValid })
    spans.push([start, end])
  }
  return { refs, spans }
}

type Word = { text: string; used: boolean }

/** Splits the memo into words, blanking the reference spans and splitting glued labels. */
function words(s: string, spans: [number, number][]): Word[] {
  let text = s
  if (spans.length) {
    const chars = s.split("")
    for (const [a, b] of spans) {
      for (let i = a; i < b; i++) {
        chars[i] = " "
      }
    }
    text = chars.join("")
  }
  const out: Word[] = []
  for (const w of text.split(" ")) {
    if (!w) {
      continue
    }
    const g = GLUED_LABEL.exec(w)
    if (g) {
      out.push({ text: g[1], used: false }, { text: g[2], used: false })
    } else {
      out.push({ text: w, used: false })
    }
  }
  return out
}

/** National form of a phone in a digit string, or null: 0xxxxxxxxx, 84xxxxxxxxx. */
export function phoneOf(d: string): string | null {
  if (d.length === 10 && d.charCodeAt(0) === 48) {
    return d
  }
  if (d.length === 11 && d.startsWith("84") && d.charCodeAt(2) !== 48) {
    return `0${d.slice(2)}`
  }
  return null
}

class Collector {
  orderNumbers = new Set<string>()
  taxCodes = new Set<string>()
  taxCodeHeads = new Set<string>()
  phones = new Set<string>()

  order(d: string) {
    const n = d.replace(/^0+/, "")
    if (n) {
      this.orderNumbers.add(n)
    }
  }
  tax(d: string) {
    this.taxCodes.add(d)
    if (d.length === 13) {
      this.taxCodeHeads.add(d.slice(0, 10))
    }
  }
}

/**
 * Phones written in groups: "+84 912 345 678", "0912 345 678", "091 234 5678". Joins 2–4 short
 * numeric words starting at i when together they are exactly a phone; returns how many it used.
 */
function groupedPhone(ws: Word[], i: number, out: Collector): number {
  if (ws[i].text.length > 4) {
    return 0
  }
  let joined = ws[i].text
  for (let j = i + 1; j < ws.length && j < i + 4; j++) {
    const w = ws[j]
    if (w.used || !DIGITS.test(w.text) || w.text.length > 4) {
      return 0
    }
    joined += w.text
    if (joined.length > 11) {
      return 0
    }
    const phone = phoneOf(joined)
    if (phone) {
      out.phones.add(phone)
      return j - i + 1
    }
  }
  return 0
}

/**
 * Classifies the numeric words left after the references:
 *   2–8 significant digits → order number; 1 → order number only after an order marker; 9 digits → phone only after a phone label;
 *   10 → tax code, and phone too when it starts with 0; 10 + a 3-digit word → branch tax code;
 *   11 starting 84 → phone; 12 → personal tax id only after a tax label; 13 → branch tax code.
 * Words after bank labels (TU, TOI, MBVCB, FT, …) are skipped.
 */
function classifyNumbers(ws: Word[], out: Collector, prefixes: string[]) {
  let bankRun = false // inside the numeric words that follow a bank label
  let label: "tax" | "phone" | null = null
  let marked = false // right after an order marker (fillers allowed in between)
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]
    const t = w.text
    if (!DIGITS.test(t)) {
      bankRun = BANK_NUMBER_LABELS.has(t) || GLUED_BANK_ID.test(t)
      marked =
        ORDER_MARKERS.has(t) ||
        prefixes.includes(t) ||
        (marked && MARKER_FILLERS.has(t))
      if (TAX_LABELS.has(t)) {
        label = "tax"
      } else if (
        PHONE_LABELS.has(t) ||
        (t === "THOAI" && ws[i - 1]?.text === "DIEN")
      ) {
        label = "phone"
      } else if (t === "THUE" && ws[i - 1]?.text === "SO") {
        label = "tax"
      } else if (!(t === "SO" || t === "MA" || t === "DIEN" || t === "LA")) {
        label = null
      }
      const dl = DIGITS_LETTER.exec(t)
      if (dl && !bankRun) {
        const n = dl[1].replace(/^0+/, "")
        const letter = t[t.length - 1]
        if (prefixes.some((p) => isValidCheck(p + n, letter))) {
          out.order(n)
        }
      }
      continue
    }
    const afterMarker = marked
    marked = false
    if (bankRun || w.used) {
      continue
    }
    const len = t.length
    if (len <= 4) {
      const used = groupedPhone(ws, i, out)
      if (used) {
        for (let k = i; k < i + used; k++) {
          ws[k].used = true
        }
        i += used - 1
        label = null
        continue
      }
    }
    if (len <= 8) {
      if (afterMarker || t.replace(/^0+/, "").length >= 2) {
        out.order(t)
      }
    } else if (len === 9) {
      if (label === "phone" && t.charCodeAt(0) !== 48) {
        out.phones.add(`0${t}`)
      }
    } else if (len === 10) {
      const next = ws[i + 1]
      if (
        next &&
        !next.used &&
        next.text.length === 3 &&
        DIGITS.test(next.text)
      ) {
        // "0101234567-001" / "0101234567 001": the dash became a space.
        out.tax(t + next.text)
        next.used = true
        i += 1
      } else {
        out.tax(t)
      }
      if (t.charCodeAt(0) === 48) {
        out.phones.add(t)
      }
    } else if (len === 11) {
      const phone = phoneOf(t)
      if (phone) {
        out.phones.add(phone)
      }
    } else if (len === 12) {
      if (label === "tax") {
        out.tax(t)
      }
    } else if (len === 13) {
      out.tax(t)
    }
    label = null
  }
}

export function extractIdentifiers(
  raw: string | null | undefined,
  opts: { prefixes: string[] }
): MemoIdentifiers {
  const compiled = compile(opts.prefixes)
  // "#5" → "ORDER 5": the sign is lost in normalisation but marks an order number.
  const s = normaliseMemo(
    raw ? raw.replace(DATES_TIMES, " ").replace(/#\s*(?=\d)/g, " ORDER ") : ""
  )
  const { refs, spans } = findReferences(s, compiled)
  const ws = words(s, spans)
  const out = new Collector()
  for (const r of refs) {
    out.orderNumbers.add(r.orderNumber)
  }
  classifyNumbers(ws, out, compiled.prefixes)
  const tokens = s ? [...new Set(s.split(" "))] : []
  return {
    references: dedupeReferences(refs),
    orderNumbers: [...out.orderNumbers],
    taxCodes: [...out.taxCodes],
    taxCodeHeads: [...out.taxCodeHeads],
    phones: [...out.phones],
    tokens,
  }
}

/** The same reference written twice counts once; a valid copy wins over a mangled one. */
function dedupeReferences(refs: MemoReference[]): MemoReference[] {
  if (refs.length < 2) {
    return refs
  }
  const byBody = new Map<string, MemoReference>()
  for (const r of refs) {
    const prev = byBody.get(r.body)
    if (!prev || (!prev.checkValid && r.checkValid)) {
      byBody.set(r.body, r)
    }
  }
  return [...byBody.values()]
}
