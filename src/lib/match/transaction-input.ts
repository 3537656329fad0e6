import { extractIdentifiers } from "./memo"
import { lookupKeys } from "./candidates"
import type { MatchConfig, OpenExpectation } from "./types"
import { fromMinorUnits, toMinorUnits } from "../money/minor-units"

/** A stored or previewed bank line as the matcher reads it. Amount: decimal string in its currency. */
export type MatchableTransaction = {
  id: string
  amount: string
  currency_code: string
  direction: "in" | "out"
  memo: string
  booked_at: Date
  counterparty_name: string | null
}

/**
 * What the matcher needs to decide one transaction: the transaction in minor units, the
 * identifiers its memo carries, and the values to look open expectations up by (each an exact
 * index match; the amount as a decimal string, as the database stores it).
 */
export function prepareMatch(tx: MatchableTransaction, config: MatchConfig) {
  const incoming = {
    id: tx.id,
    amount: toMinorUnits(tx.amount, tx.currency_code),
    currency_code: tx.currency_code,
    direction: tx.direction,
    memo: tx.memo ?? "",
    booked_at: new Date(tx.booked_at),
    counterparty_name: tx.counterparty_name,
  }
  const ids = extractIdentifiers(incoming.memo, { prefixes: config.prefixes })
  const keys = lookupKeys(ids, incoming, config)
  const lookup = {
    references: keys.references,
    order_numbers: keys.orderNumbers,
    tax_codes: keys.taxCodes,
    phones: keys.phones,
    company_tokens: keys.companyTokens,
    customer_ids: [] as string[],
    amount: {
      currency_code: keys.currency,
      value: fromMinorUnits(keys.amount, keys.currency),
      from: keys.window.from,
      to: keys.window.to,
    },
  }
  return { incoming, ids, lookup }
}

/** An expectation row as the database returns it, in the matcher's shape (amounts in minor units). */
export function toOpenExpectation(row: Record<string, any>): OpenExpectation {
  return {
    id: row.id,
    reference: row.reference,
    order_number: row.order_number,
    currency_code: row.currency_code,
    amount_remaining: toMinorUnits(
      String(row.amount_remaining),
      row.currency_code
    ),
    tax_code: row.tax_code,
    phone: row.phone,
    company_key: row.company_key,
    customer_id: row.customer_id,
    created_at: new Date(row.placed_at ?? row.created_at),
  }
}
