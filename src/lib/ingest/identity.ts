import { toMinorUnits } from "../money/minor-units"

/**
 * Movement identity: is a new sighting (a webhook delivery, a statement line) of a bank movement
 * already recorded? Pure decisions, no database: the caller loads the candidate sightings (same
 * account, currency, direction and amount, booked within a few days) and stores what is decided.
 *
 * The rules, in order (see compareSightings):
 * 1. Money facts differ (currency, direction, amount in minor units, account) → different.
 * 2. Two lines of one statement file are two movements: their place in the file is their identity,
 *    and a reference they share never merges them → different.
 * 3. A bank-issued key shared by both (normalised: case and punctuation ignored), booked within
 *    KEY_WINDOW_DAYS → same.
 * 4. Both carry bank keys of the same kind and none is shared → different. Keys are of one kind when
 *    the sightings say so (`reference_kind`) or come from the same webhook channel (SePay's
 *    referenceCode against SePay's). A SePay key and a statement's are not assumed comparable.
 * 5. One channel never reports one movement twice without a shared key (SePay's two ids are two
 *    transfers) → different.
 * 6. Booked more than one calendar day apart in Asia/Ho_Chi_Minh → different.
 * 7. A key of one found as a token sequence in the other's memo (SePay's referenceCode
 *    "MBVCB.5280123052" opens Vietcombank's statement memo "MBVCB.5280123052.017669.DH47V …") → same.
 * 8. One normalised memo contains the other (the shorter at least MIN_MEMO_CHARS, or a code of
 *    letters and digits of MIN_CODE_MEMO_CHARS such as a payment reference) → same.
 * 9. Each memo carries codes of letters and digits (payment references) and none is shared →
 *    different (two shoppers paying the same amount the same day).
 * 10. Otherwise (same account, amount and day, memos unrelated or empty) → possible duplicate: held
 *    for an accountant, never applied on a guess.
 */

/** Asia/Ho_Chi_Minh is UTC+7 all year (no daylight saving). */
const VIETNAM_OFFSET_MS = 7 * 3600 * 1000
const DAY_MS = 24 * 3600 * 1000
/** Booking dates of two sightings compared by memo: the same or the next calendar day. */
export const MEMO_WINDOW_DAYS = 1
/** A shared bank key counts within this many calendar days (weekends and holidays between a webhook and a booking). */
export const KEY_WINDOW_DAYS = 3
/** A memo shorter than this ("CK", "TT") says nothing about which transfer it is… */
export const MIN_MEMO_CHARS = 6
/** …unless it is a code of letters and digits at least this long (a payment reference: "DH1E"). */
export const MIN_CODE_MEMO_CHARS = 4
/** A bank key shorter than this, or without a digit ("FEE", "0001"), is a label or a counter, not an id. */
export const MIN_KEY_CHARS = 6

/**
 * A memo as banks mangle it, reduced to what survives every channel: diacritics removed (đ → D),
 * upper case, letters and digits only. "DH47V chuyển khoản" → "DH47VCHUYENKHOAN".
 */
export function normaliseMemo(memo: string | null | undefined): string {
  return memoTokens(memo).join("")
}

/** The memo's words after the same normalisation: "MBVCB.5280123052.DH47V ck" → ["MBVCB", "5280123052", "DH47V", "CK"]. */
export function memoTokens(memo: string | null | undefined): string[] {
  return (memo ?? "")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "D")
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean)
}

export type Sighting = {
  /** The receiving account as the channel names it (null when it does not). */
  account: string | null
  booked_at: Date
  /** Decimal string, in `currency_code`. */
  amount: string
  currency_code: string
  direction: "in" | "out"
  memo: string
  /** Bank-issued keys (IncomingLine.bank_references). */
  bank_references: string[]
  /** "sepay", "casso", "generic", or "statement:<import id>" for the lines of one statement file. */
  channel: string
  /**
   * What kind of keys `bank_references` holds, when known: two sightings of one kind whose keys
   * differ are different movements. Defaults to the channel for webhook channels ("sepay"), and to
   * unknown for statement files (say e.g. "camt053:<bank>" when two files' keys are comparable).
   */
  reference_kind?: string | null
}

export type Verdict = "same" | "possible_duplicate" | "different"

export type Basis =
  | "shared_key"
  | "key_in_memo"
  | "memo"
  | "same_day_amount"
  | "facts_differ"
  | "same_file"
  | "keys_differ"
  | "same_channel"
  | "codes_differ"
  | "outside_window"

export type Comparison = { verdict: Verdict; basis: Basis }

/** "same", "possible_duplicate" or "different": whether two sightings are one bank movement. */
export function sameMovement(a: Sighting, b: Sighting): Verdict {
  return compareSightings(a, b).verdict
}

/** The verdict with the rule that gave it (for pairing preferences and for telling the accountant why). */
export function compareSightings(a: Sighting, b: Sighting): Comparison {
  if (!sameFacts(a, b)) {
    return { verdict: "different", basis: "facts_differ" }
  }
  if (isStatement(a) && a.channel === b.channel) {
    return { verdict: "different", basis: "same_file" }
  }
  const days = Math.abs(vietnamDay(a.booked_at) - vietnamDay(b.booked_at))
  const keysA = usableKeys(a.bank_references)
  const keysB = usableKeys(b.bank_references)
  if (days <= KEY_WINDOW_DAYS && keysA.some((k) => keysB.includes(k))) {
    return { verdict: "same", basis: "shared_key" }
  }
  const kindA = referenceKind(a)
  if (
    keysA.length &&
    keysB.length &&
    kindA !== null &&
    kindA === referenceKind(b)
  ) {
    return { verdict: "different", basis: "keys_differ" }
  }
  if (a.channel === b.channel) {
    return { verdict: "different", basis: "same_channel" }
  }
  if (days > MEMO_WINDOW_DAYS) {
    return { verdict: "different", basis: "outside_window" }
  }
  const tokensA = memoTokens(a.memo)
  const tokensB = memoTokens(b.memo)
  if (
    keyInMemo(a.bank_references, tokensB) ||
    keyInMemo(b.bank_references, tokensA)
  ) {
    return { verdict: "same", basis: "key_in_memo" }
  }
  const memoA = tokensA.join("")
  const memoB = tokensB.join("")
  const [shorter, longer] =
    memoA.length <= memoB.length ? [memoA, memoB] : [memoB, memoA]
  if (tellsTransfersApart(shorter) && longer.includes(shorter)) {
    return { verdict: "same", basis: "memo" }
  }
  // Each memo names its own codes (payment references, invoice numbers) and none is shared: two
  // shoppers paying the same amount the same day, not one transfer seen twice.
  const codesA = tokensA.filter(isCode)
  const codesB = tokensB.filter(isCode)
  if (
    codesA.length &&
    codesB.length &&
    !codesA.some((c) => codesB.includes(c))
  ) {
    return { verdict: "different", basis: "codes_differ" }
  }
  return { verdict: "possible_duplicate", basis: "same_day_amount" }
}

/** A memo word of letters and digits ("DH47V", "HD2026001"): a reference someone chose, not prose or a number. */
const isCode = (token: string) =>
  token.length >= MIN_CODE_MEMO_CHARS && /\d/.test(token) && /[A-Z]/.test(token)

/** Whether a normalised memo is specific enough to identify a transfer when another memo contains it. */
const tellsTransfersApart = (memo: string) =>
  memo.length >= MIN_MEMO_CHARS ||
  (memo.length >= MIN_CODE_MEMO_CHARS && /\d/.test(memo) && /[A-Z]/.test(memo))

const isStatement = (s: Sighting) => s.channel.startsWith("statement:")

function referenceKind(s: Sighting): string | null {
  if (s.reference_kind) {
    return s.reference_kind
  }
  return isStatement(s) ? null : s.channel
}

const vietnamDay = (d: Date) =>
  Math.floor((d.getTime() + VIETNAM_OFFSET_MS) / DAY_MS)

const compactAccount = (a: string) => a.replace(/[\s-]/g, "").toUpperCase()

/**
 * Same currency, direction and amount (exactly, in minor units), and accounts that agree: equal
 * ignoring spaces, either unknown, or one the end of the other (an IBAN holds the local number).
 */
function sameFacts(a: Sighting, b: Sighting): boolean {
  const currency = a.currency_code.trim().toUpperCase()
  if (
    currency !== b.currency_code.trim().toUpperCase() ||
    a.direction !== b.direction
  ) {
    return false
  }
  try {
    if (toMinorUnits(a.amount, currency) !== toMinorUnits(b.amount, currency)) {
      return false
    }
  } catch {
    return false
  }
  if (!a.account || !b.account) {
    return true
  }
  const [x, y] = [compactAccount(a.account), compactAccount(b.account)]
  const [short, long] = x.length <= y.length ? [x, y] : [y, x]
  return short === long || (short.length >= 6 && long.endsWith(short))
}

/** Keys that can identify a movement, normalised: letters and digits, upper case, long enough, with a digit. */
function usableKeys(keys: string[] | undefined): string[] {
  const out: string[] = []
  for (const k of keys ?? []) {
    const n = normaliseMemo(k)
    if (n.length >= MIN_KEY_CHARS && /\d/.test(n) && !out.includes(n)) {
      out.push(n)
    }
  }
  return out
}

/** A usable key written in the memo: its words in a row among the memo's words, or glued as one word. */
function keyInMemo(keys: string[] | undefined, memo: string[]): boolean {
  for (const key of keys ?? []) {
    const words = memoTokens(key)
    const glued = words.join("")
    if (glued.length < MIN_KEY_CHARS || !/\d/.test(glued)) {
      continue
    }
    if (memo.includes(glued)) {
      return true
    }
    for (let i = 0; i + words.length <= memo.length; i++) {
      if (words.every((w, j) => memo[i + j] === w)) {
        return true
      }
    }
  }
  return false
}

/** A sighting already recorded, with the movement it belongs to. */
/**
 * Reports that can only be one movement share currency, direction and exact amount: this key
 * ("VND|in|2430000", the amount in minor units) is what the identity lock, the look-up of recorded
 * movements and the batching of webhook deliveries group them by.
 */
export const factsKey = (s: {
  currency_code: string
  direction: string
  amount: string
}) =>
  `${s.currency_code.toUpperCase()}|${s.direction}|${toMinorUnits(s.amount, s.currency_code)}`

export type RecordedSighting = Sighting & { movement_id: string }

export type Pairing = {
  /** The movement the sighting joins ("same"), may duplicate ("possible_duplicate"), or null (a new movement). */
  movement_id: string | null
  verdict: Verdict
  /** Why: the rule that paired it, or that kept it apart. */
  basis: Basis | null
}

const RANK: Partial<Record<Basis, number>> = {
  shared_key: 0,
  key_in_memo: 1,
  memo: 2,
}

/**
 * Pairs new sightings (one channel's delivery, or one statement file) with recorded movements, one
 * to one: each new sighting joins at most one movement, and a movement takes at most one sighting
 * from each channel (a second one from a channel that already reported it only through a shared
 * bank key, i.e. the channel reporting the same transfer again). Preference: "same" by a shared
 * key, then by a key in the memo, then by memo; between equals, the earliest booked movement
 * (then the order given). A new sighting left without a movement is "possible_duplicate" of a
 * movement it could not be told apart from (again at most one per movement and channel), or
 * "different" (a new movement).
 *
 * New sightings are not paired with each other: a caller with several channels' sightings at once
 * pairs them one channel at a time, adding the movements it creates to `existing`.
 */
export function pairSightings(
  newOnes: Sighting[],
  existing: RecordedSighting[]
): Pairing[] {
  const movements = new Map<
    string,
    { sightings: RecordedSighting[]; first: number; order: number }
  >()
  existing.forEach((s, i) => {
    const m = movements.get(s.movement_id)
    if (m) {
      m.sightings.push(s)
      m.first = Math.min(m.first, s.booked_at.getTime())
    } else {
      movements.set(s.movement_id, {
        sightings: [s],
        first: s.booked_at.getTime(),
        order: i,
      })
    }
  })
  const taken = new Map<string, Set<string>>()
  for (const [id, m] of movements) {
    taken.set(id, new Set(m.sightings.map((s) => s.channel)))
  }

  // What each new sighting is to each movement: the movement's sightings vote; money facts that
  // differ, or keys of one kind that differ, rule a movement out whatever the others say.
  type Candidate = {
    i: number
    movement: string
    verdict: Verdict
    basis: Basis
  }
  const candidates: Candidate[] = []
  newOnes.forEach((n, i) => {
    for (const [id, m] of movements) {
      const results = m.sightings.map((s) => compareSightings(n, s))
      if (
        results.some(
          (r) => r.basis === "facts_differ" || r.basis === "keys_differ"
        )
      ) {
        continue
      }
      const same = results
        .filter((r) => r.verdict === "same")
        .sort((x, y) => RANK[x.basis]! - RANK[y.basis]!)[0]
      if (same) {
        candidates.push({ i, movement: id, verdict: "same", basis: same.basis })
      } else if (results.some((r) => r.verdict === "possible_duplicate")) {
        candidates.push({
          i,
          movement: id,
          verdict: "possible_duplicate",
          basis: "same_day_amount",
        })
      }
    }
  })

  const out: Pairing[] = newOnes.map(() => ({
    movement_id: null,
    verdict: "different",
    basis: null,
  }))
  const paired = new Set<number>()
  const byPreferenceOf = (x: Candidate, y: Candidate) =>
    newOnes[x.i].booked_at.getTime() - newOnes[y.i].booked_at.getTime() ||
    x.i - y.i ||
    movements.get(x.movement)!.first - movements.get(y.movement)!.first ||
    movements.get(x.movement)!.order - movements.get(y.movement)!.order
  const byPreference = (x: Candidate, y: Candidate) =>
    RANK[x.basis]! - RANK[y.basis]! || byPreferenceOf(x, y)
  for (const c of candidates
    .filter((c) => c.verdict === "same")
    .sort(byPreference)) {
    if (paired.has(c.i)) {
      continue
    }
    const channel = newOnes[c.i].channel
    const channels = taken.get(c.movement)!
    // A channel's second sighting of one movement only by a shared key (the same transfer reported again).
    if (channels.has(channel) && c.basis !== "shared_key") {
      continue
    }
    channels.add(channel)
    paired.add(c.i)
    out[c.i] = { movement_id: c.movement, verdict: "same", basis: c.basis }
  }
  // Unsure, and the movement has no sighting from this channel yet: the accountant decides. One
  // to one as well: of two like sightings that may be one movement, one is held, the other is new.
  const doubts = candidates.filter(
    (c) => c.verdict === "possible_duplicate" && !paired.has(c.i)
  )
  for (const c of doubts.sort((x, y) => byPreferenceOf(x, y))) {
    if (paired.has(c.i) || taken.get(c.movement)!.has(newOnes[c.i].channel)) {
      continue
    }
    taken.get(c.movement)!.add(newOnes[c.i].channel)
    paired.add(c.i)
    out[c.i] = {
      movement_id: c.movement,
      verdict: "possible_duplicate",
      basis: "same_day_amount",
    }
  }
  return out
}
