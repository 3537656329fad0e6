/**
 * What a memo says about one open expectation: which of its identifiers were found, whether that
 * makes the match certain, and a readable reason for each.
 */
import { companySimilarity } from "./company"
import type {
  MemoIdentifiers,
  MemoReference,
  OpenExpectation,
  Reason,
} from "./types"

/** Below this share of the company key's words a name in the memo is not evidence. */
export const COMPANY_THRESHOLD = 0.8

/** Base scores of a likely match by its strongest identifier, amount exact (see scoring in decide). */
const BASE = {
  reference: 78, // prefix + number: specific, only the check letter is off
  taxCode: 75,
  phone: 75,
  orderNumber: 72, // a bare number could also be something else
  taxCodeParent: 62, // the memo names a branch of the order's company
  company: 50,
} as const

export interface Evidence {
  certain: boolean
  /** Identifiers found, for the reasons and the score; 0 = none. */
  count: number
  /** Base likely score of the strongest identifier. */
  base: number
  /** Tax code or phone matched: the customer is identified (exact-sum rule). */
  customerIdentified: boolean
  reasons: Reason[]
}

/** The memo's identifiers in sets, built once per transaction and probed per candidate. */
export class MemoProbe {
  readonly byFullReference = new Map<string, MemoReference>()
  readonly byBody = new Map<string, MemoReference>()
  readonly orderNumbers: Set<string>
  readonly taxCodes: Set<string>
  readonly taxCodeHeads: Set<string>
  readonly phones: Set<string>
  private companyTokens: Set<string> | null = null

  constructor(
    private ids: MemoIdentifiers,
    private counterpartyTokens: string[]
  ) {
    for (const r of ids.references) {
      if (r.check) {
        this.byFullReference.set(r.body + r.check, r)
      }
      const prev = this.byBody.get(r.body)
      if (!prev || r.checkValid) {
        this.byBody.set(r.body, r)
      }
    }
    this.orderNumbers = new Set(ids.orderNumbers)
    this.taxCodes = new Set(ids.taxCodes)
    this.taxCodeHeads = new Set(ids.taxCodeHeads)
    this.phones = new Set(ids.phones)
  }

  /** Memo words plus the payer's name, built only when a candidate has a company. */
  tokens(): Set<string> {
    if (!this.companyTokens) {
      this.companyTokens = new Set(this.ids.tokens)
      for (const t of this.counterpartyTokens) {
        this.companyTokens.add(t)
      }
    }
    return this.companyTokens
  }
}

const stripZeros = (s: string) =>
  s.charCodeAt(0) === 48 ? s.replace(/^0+/, "") : s
export const formatTaxCode = (t: string) =>
  t.length === 13 ? `${t.slice(0, 10)}-${t.slice(10)}` : t

/**
 * How much the payer looks like the order's buyer, 0..1: the share of the buyer's name words
 * (normalised, `customer_name_key`) found in the payer's name or the memo, a typo per long word
 * tolerated (the company-name comparison, see companySimilarity). Below COMPANY_THRESHOLD it is
 * not evidence. Not used to apply money: many people share a name.
 */
export function payerNameSimilarity(
  customerNameKey: string | null | undefined,
  probe: MemoProbe
): number {
  return customerNameKey
    ? companySimilarity(customerNameKey, probe.tokens())
    : 0
}

export function evidenceFor(e: OpenExpectation, probe: MemoProbe): Evidence {
  const reasons: Reason[] = []
  const ref = e.reference.toUpperCase()
  let count = 0
  let base = 0
  const found = (score: number) => {
    count++
    if (score > base) {
      base = score
    }
  }

  const certainRef = probe.byFullReference.has(ref)
  let orderNumber = false
  if (certainRef) {
    found(BASE.reference)
    reasons.push({
      code: "reference_found",
      message: `reference ${ref} found`,
      params: { reference: ref },
    })
    orderNumber = true
  } else {
    const weak = probe.byBody.get(ref.slice(0, -1))
    if (weak) {
      found(BASE.reference)
      orderNumber = true
      reasons.push({
        code: "reference_check_invalid",
        message: weak.check
          ? `reference ${weak.body}${weak.check} found, but its check letter is wrong (expected ${ref})`
          : `reference ${weak.body} found without its check letter (expected ${ref})`,
        params: {
          found: `${weak.body}${weak.check ?? ""}`,
          check: weak.check ?? "",
          expected: ref,
        },
      })
    } else if (probe.orderNumbers.has(stripZeros(e.order_number))) {
      found(BASE.orderNumber)
      orderNumber = true
      reasons.push({
        code: "order_number_found",
        message: `order number ${stripZeros(e.order_number)} found`,
        params: { order_number: stripZeros(e.order_number) },
      })
    }
  }

  let taxExact = false
  let taxParent = false
  if (e.tax_code) {
    if (probe.taxCodes.has(e.tax_code)) {
      taxExact = true
      found(BASE.taxCode)
      reasons.push({
        code: "tax_code_matches",
        message: `tax code ${formatTaxCode(e.tax_code)} matches`,
        params: { tax_code: formatTaxCode(e.tax_code) },
      })
    } else if (probe.taxCodeHeads.has(e.tax_code)) {
      taxParent = true
      found(BASE.taxCodeParent)
      reasons.push({
        code: "tax_code_branch",
        message: `the memo's tax code is a branch of the order's tax code ${e.tax_code}`,
        params: { tax_code: e.tax_code },
      })
    }
  }

  const phone = !!e.phone && probe.phones.has(e.phone)
  if (phone) {
    found(BASE.phone)
    reasons.push({
      code: "phone_matches",
      message: `phone ${e.phone} matches`,
      params: { phone: e.phone ?? "" },
    })
  }

  if (e.company_key) {
    const sim = companySimilarity(e.company_key, probe.tokens())
    if (sim >= COMPANY_THRESHOLD) {
      // a partial name counts a little less than the whole name
      found(BASE.company - Math.round((1 - sim) * 25))
      reasons.push({
        code: "company_matches",
        message:
          sim === 1
            ? `company name "${e.company_key}" matches`
            : `company name "${e.company_key}" nearly matches (${Math.round(sim * 100)}%)`,
        params: {
          company: e.company_key,
          similarity: String(Math.round(sim * 100)),
        },
      })
    }
  }

  return {
    // The reference with its check letter, or the order number confirmed by who paid.
    certain: certainRef || (orderNumber && (taxExact || phone)),
    count,
    base,
    customerIdentified: taxExact || taxParent || phone,
    reasons,
  }
}
