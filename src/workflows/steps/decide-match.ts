import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_TRANSFER_MODULE } from "../../modules/bank-transfer"
import type BankTransferModuleService from "../../modules/bank-transfer/service"
import { fromMinorUnits } from "../../lib/money"
import { matchTransaction } from "./match-plan"

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

/**
 * Reads a transaction and asks the matcher what to do. Read-only: the writes happen in the
 * steps after it, under the transaction's lock.
 */
export const decideMatchStep = createStep(
  "bank-transfer-decide-match",
  async (input: { transaction_id: string }, { container }): Promise<StepResponse<MatchPlan>> => {
    const service: BankTransferModuleService = container.resolve(BANK_TRANSFER_MODULE)
    const [tx] = await service.listBankTransactions({ id: input.transaction_id })
    if (!tx) return new StepResponse({ kind: "skip", transaction_id: input.transaction_id, reason: "not found" })
    if (tx.reconciled_at || ["ignored", "returned"].includes(tx.status)) {
      return new StepResponse({ kind: "skip", transaction_id: tx.id, reason: "already reconciled" })
    }
    const rejected = await service.listRejectedPairs({ transaction_id: tx.id }, { select: ["expectation_id"] })
    const decision = await matchTransaction(
      service,
      { ...tx, amount: String(tx.amount), booked_at: new Date(tx.booked_at) } as any,
      new Set(rejected.map((r) => r.expectation_id))
    )
    const money = (v: bigint) => fromMinorUnits(v, tx.currency_code)
    switch (decision.kind) {
      case "apply": {
        // An overpayment goes to the order it pays, as its surplus (to refund or credit), so
        // that the money is accounted for on the order rather than left loose on the transaction.
        const overpaid = decision.surplus > 0n && decision.allocations.length === 1
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
        return new StepResponse({ kind: "suggest", transaction_id: tx.id, suggestions: decision.suggestions })
      default:
        return new StepResponse({ kind: decision.kind, transaction_id: tx.id, reasons: decision.reasons })
    }
  }
)
