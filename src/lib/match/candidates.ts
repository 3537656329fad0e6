/**
 * Which open expectations a transaction must be compared with, found through indexes on the
 * identifiers and the amount, never by scanning every open order: `lookupKeys` says what to look
 * up (the database implements it with indexed IN queries), `InMemoryExpectationIndex` does the
 * same in memory for benchmarks and tests.
 */
import { checkLetter } from "../identifiers/check-letter"
import { companyLookupTokenFromKey, isCompanyTokenCandidate } from "./company"
import { normaliseMemo } from "./memo"
import type {
  IncomingTransaction,
  MatchConfig,
  MemoIdentifiers,
  OpenExpectation,
} from "./types"

export interface LookupKeys {
  /** Full references (body + the right check letter), as stored on expectations. */
  references: string[]
  orderNumbers: string[]
  /** Tax codes as written plus the 10-digit heads of branch codes. */
  taxCodes: string[]
  phones: string[]
  /** Memo and payer-name words that can be a company's look-up token. */
  companyTokens: string[]
  amount: bigint
  /** Upper-case. */
  currency: string
  /** Orders placed in this window are candidates for an amount-only suggestion. */
  window: { from: Date; to: Date }
}

const DAY_MS = 86_400_000
/** Bounds the IN list of company words (memos are short; this guards odd input). */
const MAX_COMPANY_TOKENS = 24

/**
 * The amount-only window: orders placed up to `days` before the booking. It reaches one day past
 * the booking because statement lines often carry only a date (00:00), earlier than an order
 * placed and paid the same day.
 */
export function amountWindow(
  bookedAt: Date,
  days: number
): { from: Date; to: Date } {
  const t = bookedAt.getTime()
  return { from: new Date(t - days * DAY_MS), to: new Date(t + DAY_MS) }
}

/** The words of the memo and of the payer's name that may find a company. */
export function companyWords(
  ids: MemoIdentifiers,
  counterpartyName?: string | null
): string[] {
  const out = new Set<string>()
  for (const w of ids.tokens) {
    if (isCompanyTokenCandidate(w)) {
      out.add(w)
    }
  }
  if (counterpartyName) {
    for (const w of normaliseMemo(counterpartyName).split(" ")) {
      if (isCompanyTokenCandidate(w)) {
        out.add(w)
      }
    }
  }
  return [...out].slice(0, MAX_COMPANY_TOKENS)
}

export function lookupKeys(
  ids: MemoIdentifiers,
  tx: Pick<
    IncomingTransaction,
    "amount" | "currency_code" | "booked_at" | "counterparty_name"
  >,
  config?: Pick<MatchConfig, "amountOnlyWindowDays">
): LookupKeys {
  return {
    // A reference with a missing or wrong check letter is looked up under its right one too:
    // decide() then knows it was mangled and treats it as likely, not certain.
    references: [
      ...new Set(ids.references.map((r) => r.body + checkLetter(r.body))),
    ],
    orderNumbers: ids.orderNumbers,
    taxCodes: [...new Set([...ids.taxCodes, ...ids.taxCodeHeads])],
    phones: ids.phones,
    companyTokens: companyWords(ids, tx.counterparty_name),
    amount: tx.amount,
    currency: tx.currency_code.toUpperCase(),
    window: amountWindow(tx.booked_at, config?.amountOnlyWindowDays ?? 7),
  }
}

type Bucket = Map<string, Set<string>>

function put(b: Bucket, key: string | null | undefined, id: string) {
  if (!key) {
    return
  }
  let s = b.get(key)
  if (!s) {
    b.set(key, (s = new Set()))
  }
  s.add(id)
}

function drop(b: Bucket, key: string | null | undefined, id: string) {
  if (!key) {
    return
  }
  const s = b.get(key)
  if (!s) {
    return
  }
  s.delete(id)
  if (!s.size) {
    b.delete(key)
  }
}

const LOOKUP_LIMIT = 50
const AMOUNT_LOOKUP_LIMIT = 3
const dayOf = (d: Date) => Math.floor(d.getTime() / DAY_MS)

/**
 * Open expectations indexed by every identifier and by amount. Every look-up is a hash probe; the
 * amount index is bucketed by currency, amount *and day placed*, so an amount-only look-up reads
 * the few days of its window instead of every order that ever cost the same.
 */
export class InMemoryExpectationIndex {
  private byId = new Map<string, OpenExpectation>()
  private byReference: Bucket = new Map()
  private byOrderNumber: Bucket = new Map()
  private byTaxCode: Bucket = new Map()
  private byPhone: Bucket = new Map()
  private byCompanyToken: Bucket = new Map()
  private byAmountDay: Bucket = new Map()
  private byCustomer: Bucket = new Map()
  /** company token per expectation, computed once on add (the key is stored, not the name). */
  private tokens = new Map<string, string>()

  get size() {
    return this.byId.size
  }

  get(id: string) {
    return this.byId.get(id)
  }

  private amountKey(
    e: Pick<OpenExpectation, "currency_code" | "amount_remaining">,
    day: number
  ) {
    return `${e.currency_code.toUpperCase()}:${e.amount_remaining}:${day}`
  }

  add(e: OpenExpectation) {
    if (this.byId.has(e.id)) {
      this.remove(e.id)
    }
    this.byId.set(e.id, e)
    put(this.byReference, e.reference.toUpperCase(), e.id)
    put(this.byOrderNumber, e.order_number, e.id)
    put(this.byTaxCode, e.tax_code, e.id)
    put(this.byPhone, e.phone, e.id)
    const token = e.company_key ? companyLookupTokenFromKey(e.company_key) : ""
    if (token) {
      this.tokens.set(e.id, token)
      put(this.byCompanyToken, token, e.id)
    }
    put(this.byAmountDay, this.amountKey(e, dayOf(e.created_at)), e.id)
    put(this.byCustomer, e.customer_id, e.id)
  }

  remove(id: string) {
    const e = this.byId.get(id)
    if (!e) {
      return
    }
    this.byId.delete(id)
    drop(this.byReference, e.reference.toUpperCase(), id)
    drop(this.byOrderNumber, e.order_number, id)
    drop(this.byTaxCode, e.tax_code, id)
    drop(this.byPhone, e.phone, id)
    drop(this.byCompanyToken, this.tokens.get(id), id)
    this.tokens.delete(id)
    drop(this.byAmountDay, this.amountKey(e, dayOf(e.created_at)), id)
    drop(this.byCustomer, e.customer_id, id)
  }

  /** Replace an expectation (e.g. after an allocation changed its remaining amount); a paid one is removed. */
  update(e: OpenExpectation) {
    this.remove(e.id)
    if (e.amount_remaining > 0n) {
      this.add(e)
    }
  }

  /** Every open expectation sharing a key, each once; `includeCustomerOrders` adds the other
   * open orders of customers found by tax code or phone (for the exact-sum rule). */
  find(
    keys: LookupKeys,
    opts: { includeCustomerOrders?: boolean } = {}
  ): OpenExpectation[] {
    const ids = new Set<string>()
    // Each look-up is bounded like the database's (LIMIT 50): a word shared by thousands of
    // company names must not drag thousands of candidates into decide().
    const from = (b: Bucket, values: readonly string[]) => {
      for (const v of values) {
        let taken = 0
        for (const id of b.get(v) ?? []) {
          if (taken++ >= LOOKUP_LIMIT) {
            break
          }
          ids.add(id)
        }
      }
    }
    from(this.byReference, keys.references)
    from(this.byOrderNumber, keys.orderNumbers)
    from(this.byTaxCode, keys.taxCodes)
    from(this.byPhone, keys.phones)
    from(this.byCompanyToken, keys.companyTokens)
    const lo = keys.window.from.getTime()
    const hi = keys.window.to.getTime()
    // Amount-only: decide() only needs to tell none, one and several apart (the database
    // look-up stops at 3 too), so a popular price never drags every order of that price along.
    let sameAmount = 0
    for (
      let d = Math.floor(lo / DAY_MS);
      d <= Math.floor(hi / DAY_MS) && sameAmount < AMOUNT_LOOKUP_LIMIT;
      d++
    ) {
      const s = this.byAmountDay.get(`${keys.currency}:${keys.amount}:${d}`)
      if (!s) {
        continue
      }
      for (const id of s) {
        const t = this.byId.get(id)!.created_at.getTime()
        if (t >= lo && t <= hi && sameAmount++ < AMOUNT_LOOKUP_LIMIT) {
          ids.add(id)
        }
      }
    }
    if (
      opts.includeCustomerOrders &&
      (keys.taxCodes.length || keys.phones.length)
    ) {
      const tax = new Set(keys.taxCodes)
      const phones = new Set(keys.phones)
      const customers = new Set<string>()
      for (const id of ids) {
        const e = this.byId.get(id)!
        if (
          e.customer_id &&
          ((e.tax_code && tax.has(e.tax_code)) ||
            (e.phone && phones.has(e.phone)))
        ) {
          customers.add(e.customer_id)
        }
      }
      for (const c of customers) {
        for (const id of this.byCustomer.get(c) ?? []) {
          ids.add(id)
        }
      }
    }
    const out: OpenExpectation[] = []
    for (const id of ids) {
      out.push(this.byId.get(id)!)
    }
    return out
  }

  /** A customer's open orders. */
  findByCustomer(customerId: string): OpenExpectation[] {
    const s = this.byCustomer.get(customerId)
    if (!s) {
      return []
    }
    const out: OpenExpectation[] = []
    for (const id of s) {
      out.push(this.byId.get(id)!)
    }
    return out
  }
}
