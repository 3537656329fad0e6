import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MathBN } from "@medusajs/framework/utils"
import {
  BANK_TRANSFER_MODULE,
  type AllocationResult,
} from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"
import { fromMinorUnits } from "../../../lib/money/minor-units"
import { decide } from "../../../lib/match/decide"
import type { Decision } from "../../../lib/match/types"
import { matchConfigFromOptions } from "../../../lib/match/config"
import {
  type MatchableTransaction,
  prepareMatch,
  toOpenExpectation,
} from "../../../lib/match/transaction-input"

export type MatchPlan =
  | { kind: "skip"; transaction_id: string; reason: string }
  | {
      kind: "apply"
      transaction_id: string
      /** Amounts: decimal strings in the transaction's currency. */
      allocations: { expectation_id: string; amount: string }[]
      surplus: string
      reasons: unknown[]
    }
  | {
      kind: "suggest"
      transaction_id: string
      suggestions: {
        expectation_id: string
        score: number
        reasons: unknown[]
      }[]
    }
  | { kind: "unmatched" | "ignore"; transaction_id: string; reasons: unknown[] }
  /** Allocated by an earlier run that stopped before it finished (e.g. before the capture). */
  | { kind: "resume"; transaction_id: string; allocation: AllocationResult }

/**
 * What the matcher decides for one transaction: candidates are looked up through the database's
 * indexes, then the pure decide() chooses. Read-only, so the statement preview uses it too.
 */
export async function decideTransaction(
  service: BankTransferModuleService,
  tx: MatchableTransaction,
  rejected: Set<string> = new Set()
): Promise<Decision> {
  return (await decideWithCandidates(service, tx, rejected)).decision
}

/**
 * The same, with the expectation rows the decision was made from (as the database returned them:
 * `order_id`, `order_number`, `amount_remaining`…), for a caller that names the orders.
 */
export async function decideWithCandidates(
  service: BankTransferModuleService,
  tx: MatchableTransaction,
  rejected: Set<string> = new Set()
): Promise<{ decision: Decision; rows: Record<string, any>[] }> {
  const config = matchConfigFromOptions(await service.loadOptions())
  const { incoming, ids, lookup } = prepareMatch(tx, config)
  const rows = await service.findMatchCandidates(lookup)
  return {
    decision: decide(
      incoming,
      ids,
      rows.map(toOpenExpectation),
      config,
      rejected
    ),
    rows,
  }
}

/**
 * Reads a transaction and asks the matcher what to do. Read-only: the writes happen in the
 * steps after it, under the transaction's lock.
 */
export const decideMatchStep = createStep(
  "bank-transfer-decide-match",
  async (
    input: { transaction_id: string },
    { container }
  ): Promise<StepResponse<MatchPlan>> => {
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    const tx = await service.loadForMatching(input.transaction_id)
    if (!tx) {
      return new StepResponse({
        kind: "skip",
        transaction_id: input.transaction_id,
        reason: "not found",
      })
    }
    if (tx.reconciled_at || ["ignored", "returned"].includes(tx.status)) {
      return new StepResponse({
        kind: "skip",
        transaction_id: tx.id,
        reason: "already reconciled",
      })
    }
    if (!MathBN.eq(tx.amount_allocated, 0)) {
      // Money already applied, by a run that stopped before it was done (the server died between
      // the allocation and the capture): finish that run; never match the money a second time.
      return new StepResponse({
        kind: "resume",
        transaction_id: tx.id,
        allocation: await service.retrieveUnfinishedAllocation(tx.id),
      })
    }
    const decision = await decideTransaction(service, tx, tx.rejected)
    const money = (v: bigint) => fromMinorUnits(v, tx.currency_code)
    switch (decision.kind) {
      case "apply": {
        // An overpayment goes to the order it pays, as its surplus (to refund or credit), so
        // that the money is accounted for on the order rather than left loose on the transaction.
        const overpaid =
          decision.surplus > 0n && decision.allocations.length === 1
        return new StepResponse({
          kind: "apply",
          transaction_id: tx.id,
          allocations: decision.allocations.map((a) => ({
            expectation_id: a.expectation_id,
            amount: money(overpaid ? a.amount + decision.surplus : a.amount),
          })),
          surplus: money(decision.surplus),
          reasons: decision.reasons,
        })
      }
      case "suggest":
        return new StepResponse({
          kind: "suggest",
          transaction_id: tx.id,
          suggestions: decision.suggestions,
        })
      default:
        return new StepResponse({
          kind: decision.kind,
          transaction_id: tx.id,
          reasons: decision.reasons,
        })
    }
  }
)
