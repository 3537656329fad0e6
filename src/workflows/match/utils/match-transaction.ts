import type BankTransferModuleService from "../../../modules/bank-transfer/service"
import { extractIdentifiers } from "../../../lib/match/memo"
import { lookupKeys } from "../../../lib/match/candidates"
import { decide } from "../../../lib/match/decide"
import type { Decision, OpenExpectation } from "../../../lib/match/types"
import { matchConfigFromOptions } from "../../../lib/match/config"
import { fromMinorUnits, toMinorUnits } from "../../../lib/money/minor-units"

export type MatchableTransaction = {
  id: string
  amount: string
  currency_code: string
  direction: "in" | "out"
  memo: string
  booked_at: Date
  counterparty_name: string | null
}

function toOpenExpectation(row: Record<string, any>): OpenExpectation {
  return {
    id: row.id,
    reference: row.reference,
    order_number: row.order_number,
    currency_code: row.currency_code,
    amount_remaining: toMinorUnits(String(row.amount_remaining), row.currency_code),
    tax_code: row.tax_code,
    phone: row.phone,
    company_key: row.company_key,
    customer_id: row.customer_id,
    created_at: new Date(row.placed_at ?? row.created_at),
  }
}

/**
 * What the matcher decides for one transaction: candidates are looked up through the database's
 * indexes, then the pure decide() chooses. Read-only, so statement previews use it too.
 */
export async function matchTransaction(
  service: BankTransferModuleService,
  tx: MatchableTransaction,
  rejected: Set<string> = new Set()
): Promise<Decision> {
  const config = matchConfigFromOptions(await service.loadOptions())
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
    amount: { currency_code: keys.currency, value: fromMinorUnits(keys.amount, keys.currency), from: keys.window.from, to: keys.window.to },
  }
  let rows = await service.findCandidates(lookup)
  // The exact-sum rule looks at the other open orders of a customer found by tax code or phone.
  const customers = [...new Set(rows.filter((r) => r.customer_id).map((r) => r.customer_id as string))]
  if (customers.length && (keys.taxCodes.length || keys.phones.length)) {
    rows = await service.findCandidates({ ...lookup, customer_ids: customers })
  }
  return decide(incoming, ids, rows.map(toOpenExpectation), config, rejected)
}
