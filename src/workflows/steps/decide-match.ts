import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_TRANSFER_MODULE } from "../../modules/bank-transfer"
import type BankTransferModuleService from "../../modules/bank-transfer/service"
import { extractIdentifiers } from "../../lib/matching/memo"
import { lookupKeys } from "../../lib/matching/candidates"
import { decide } from "../../lib/matching/decide"
import type { OpenExpectation } from "../../lib/matching/types"
import { matchConfigFromOptions } from "../../lib/match-config"
import { fromMinorUnits, toMinorUnits } from "../../lib/money"

export type MatchPlan =
  | { kind: "skip"; transaction_id: string; reason: string }
  | {
      kind: "apply"
      transaction_id: string
      allocations: { expectation_id: string; amount: string }[]
      surplus: string
      reasons: unknown[]
    }
  | { kind: "suggest"; transaction_id: string; suggestions: { expectation_id: string; score: number; reasons: unknown[] }[] }
  | { kind: "unmatched" | "ignore"; transaction_id: string; reasons: unknown[] }

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
 * Reads a transaction and its candidates (through indexes) and asks the pure matcher what to do.
 * Read-only: the writes happen in the steps after it, under the transaction's lock.
 */
export const decideMatchStep = createStep(
  "bank-transfer-decide-match",
  async (input: { transaction_id: string }, { container }): Promise<StepResponse<MatchPlan>> => {
    const service: BankTransferModuleService = container.resolve(BANK_TRANSFER_MODULE)
    const [tx] = await service.listBankTransactions({ id: input.transaction_id })
    if (!tx) return new StepResponse({ kind: "skip", transaction_id: input.transaction_id, reason: "not found" })
    if (tx.reconciled_at) {
      return new StepResponse({ kind: "skip", transaction_id: tx.id, reason: "already reconciled" })
    }
    const options = await service.loadOptions()
    const config = matchConfigFromOptions(options)
    const incoming = {
      id: tx.id,
      amount: toMinorUnits(String(tx.amount), tx.currency_code),
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
    let rows = await service.findCandidates(lookup)
    // The exact-sum rule looks at the other open orders of a customer found by tax code or phone.
    const customers = [...new Set(rows.filter((r) => r.customer_id).map((r) => r.customer_id as string))]
    if (customers.length && (keys.taxCodes.length || keys.phones.length)) {
      rows = await service.findCandidates({ ...lookup, customer_ids: customers })
    }
    const rejected = await service.listRejectedPairs({ transaction_id: tx.id }, { select: ["expectation_id"] })
    const decision = decide(
      incoming,
      ids,
      rows.map(toOpenExpectation),
      config,
      new Set(rejected.map((r) => r.expectation_id))
    )
    const money = (v: bigint) => fromMinorUnits(v, tx.currency_code)
    switch (decision.kind) {
      case "apply":
        return new StepResponse({
          kind: "apply",
          transaction_id: tx.id,
          allocations: decision.allocations.map((a) => ({ expectation_id: a.expectation_id, amount: money(a.amount) })),
          surplus: money(decision.surplus),
          reasons: decision.reasons,
        })
      case "suggest":
        return new StepResponse({ kind: "suggest", transaction_id: tx.id, suggestions: decision.suggestions })
      default:
        return new StepResponse({ kind: decision.kind, transaction_id: tx.id, reasons: decision.reasons })
    }
  }
)
