import { UNPAID_STATUSES } from "../state-machine"
import type { CandidateKeys } from "../types"
import { placeholders } from "../utils"
import type { SqlManager } from "./bank-transaction"

/** At most this many rows per look-up: the accountant reads the top of a ranked list, not 100k orders. */
export const HAND_MATCH_POOL_LIMIT = 200
/** Each identifier's look-up, as the matcher bounds its own (repositories/expectation). */
const PER_KEY_LIMIT = 50

/** What the open orders for a match by hand are looked up by; every part is optional but the currency. */
export type HandMatchLookup = {
  /** Upper-case. */
  currency_code: string
  /** The memo's identifiers, as the matcher looks them up (prepareMatch). */
  keys: Omit<CandidateKeys, "amount" | "customer_ids">
  /** The payer's name, normalised (normaliseMemo), compared with `customer_name_key` exactly. */
  name_keys: string[]
  /** Orders still awaiting between `low` and `high` (decimal strings, inclusive); `value` first. */
  amount: { value: string; low: string; high: string }
  /** The accountant's search: when given, only orders it finds are candidates. */
  search?: {
    /** LIKE patterns (already escaped, with their %). */
    email: string
    name_key: string | null
    order_number: string | null
    reference: string | null
    phone: string | null
    phone_digits: string | null
  }
}

/** The columns a candidate is ranked and shown from (amounts as exact decimal strings). */
const COLUMNS = `id, order_id, order_number, reference, customer_id, customer_name, customer_name_key, email,
  phone, tax_code, company_name, company_key, status, currency_code, amount_due::text AS amount_due,
  amount_remaining::text AS amount_remaining, placed_at, created_at`

/**
 * Open expectations (unpaid, something still due, in the transaction's currency) an accountant may
 * apply a transaction to, found without reading every open order: without a search, the union of
 * index look-ups by the memo's identifiers, the payer's name and the amount (within the tolerance,
 * the exact amount and the newest first); with a search, the orders it finds (name, email, phone,
 * order number or reference), exact amounts and the newest first. Each part stops at its limit;
 * `capped` says whether one did (more orders may match than were ranked).
 */
export async function findHandMatchCandidates(
  manager: SqlManager,
  lookup: HandMatchLookup
): Promise<{ rows: Record<string, any>[]; capped: boolean }> {
  const open = `currency_code = ? AND status IN (${placeholders(UNPAID_STATUSES)}) AND amount_remaining > 0 AND deleted_at IS NULL`
  const openParams = [lookup.currency_code, ...UNPAID_STATUSES]
  const parts: { sql: string; params: unknown[]; limit: number }[] = []
  const byAmount = `ORDER BY (amount_remaining = ?) DESC, placed_at DESC, id`
  const amountParams = [lookup.amount.value]

  if (lookup.search) {
    const s = lookup.search
    const any: string[] = ["email ILIKE ?"]
    const params: unknown[] = [s.email]
    if (s.name_key) {
      any.push("customer_name_key LIKE ?", "company_key LIKE ?")
      params.push(s.name_key, s.name_key)
    }
    if (s.order_number) {
      any.push("order_number = ?")
      params.push(s.order_number)
    }
    if (s.reference) {
      any.push("reference = ?")
      params.push(s.reference)
    }
    if (s.phone) {
      any.push("phone = ?")
      params.push(s.phone)
    }
    if (s.phone_digits) {
      any.push("phone LIKE ?")
      params.push(s.phone_digits)
    }
    parts.push({
      sql: `SELECT ${COLUMNS} FROM bank_transfer_expectation WHERE ${open} AND (${any.join(" OR ")}) ${byAmount} LIMIT ?`,
      params: [...openParams, ...params, ...amountParams],
      limit: HAND_MATCH_POOL_LIMIT,
    })
  } else {
    const anyOf = (column: string, values: string[]) => {
      if (values.length) {
        parts.push({
          sql: `SELECT ${COLUMNS} FROM bank_transfer_expectation WHERE ${column} IN (${placeholders(values)}) AND ${open} LIMIT ?`,
          params: [...values, ...openParams],
          limit: PER_KEY_LIMIT,
        })
      }
    }
    anyOf("reference", lookup.keys.references)
    anyOf("order_number", lookup.keys.order_numbers)
    anyOf("tax_code", lookup.keys.tax_codes)
    anyOf("phone", lookup.keys.phones)
    anyOf("company_token", lookup.keys.company_tokens)
    anyOf("customer_name_key", lookup.name_keys)
    parts.push({
      sql: `SELECT ${COLUMNS} FROM bank_transfer_expectation WHERE ${open} AND amount_remaining BETWEEN ? AND ? ${byAmount} LIMIT ?`,
      params: [
        ...openParams,
        lookup.amount.low,
        lookup.amount.high,
        ...amountParams,
      ],
      limit: HAND_MATCH_POOL_LIMIT,
    })
  }
  // One round trip: each look-up bounded on its own, tagged with its place to tell which was capped.
  const rows: Record<string, any>[] = await manager.execute(
    parts
      .map((p, i) => `(SELECT ${i} AS part, c.* FROM (${p.sql}) c)`)
      .join(" UNION ALL "),
    parts.flatMap((p) => [...p.params, p.limit])
  )
  const byId = new Map<string, Record<string, any>>()
  const perPart = parts.map(() => 0)
  for (const { part, ...r } of rows) {
    perPart[part]++
    byId.set(r.id, r)
  }
  return {
    rows: [...byId.values()],
    capped: perPart.some((count, i) => count >= parts[i].limit),
  }
}
