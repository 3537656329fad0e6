import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_TRANSFER_MODULE } from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"
import { MathBN } from "@medusajs/framework/utils"
import type { AllocationResult } from "../../../modules/bank-transfer/service"
import { fromMinorUnits } from "../../../lib/money/minor-units"
import { matchTransaction } from "../utils/match-transaction"

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
  /** Allocated by an earlier run that stopped before it finished (e.g. before the capture). */
  | { kind: "resume"; transaction_id: string; allocation: AllocationResult }

/**
 * Reads a transaction and asks the matcher what to do. Read-only: the writes happen in the
 * steps after it, under the transaction's lock.
 */
export const decideMatchStep = createStep(
  "bank-transfer-decide-match",
  async (input: { transaction_id: string }, { container }): Promise<StepResponse<MatchPlan>> =>
    new StepResponse(await planMatch(container.resolve(BANK_TRANSFER_MODULE), input.transaction_id))
)

/** What to do with one stored transaction (read-only): the decide step's answer, and the fast path's. */
export async function planMatch(service: BankTransferModuleService, transactionId: string): Promise<MatchPlan> {
  const tx = await service.loadForMatching(transactionId)
  if (!tx) return { kind: "skip", transaction_id: transactionId, reason: "not found" }
  if (tx.reconciled_at || ["ignored", "returned"].includes(tx.status)) {
    return { kind: "skip", transaction_id: tx.id, reason: "already reconciled" }
  }
  if (!MathBN.eq(tx.amount_allocated, 0)) {
    // Money already applied, by a run that stopped before it was done (the server died between
    // the allocation and the capture): finish that run; never match the money a second time.
    return { kind: "resume", transaction_id: tx.id, allocation: await unfinishedAllocation(service, tx.id) }
  }
  const decision = await matchTransaction(service, tx, tx.rejected)
  const money = (v: bigint) => fromMinorUnits(v, tx.currency_code)
  switch (decision.kind) {
    case "apply": {
      // An overpayment goes to the order it pays, as its surplus (to refund or credit), so
      // that the money is accounted for on the order rather than left loose on the transaction.
      const overpaid = decision.surplus > 0n && decision.allocations.length === 1
      return {
        kind: "apply",
        transaction_id: tx.id,
        allocations: decision.allocations.map((a) => ({
          expectation_id: a.expectation_id,
          amount: money(overpaid ? a.amount + decision.surplus : a.amount),
        })),
        surplus: money(decision.surplus),
        reasons: decision.reasons,
      }
    }
    case "suggest":
      return { kind: "suggest", transaction_id: tx.id, suggestions: decision.suggestions }
    default:
      return { kind: decision.kind, transaction_id: tx.id, reasons: decision.reasons }
  }
}

/** The transaction's active allocations as the allocating run returned them (statuses from its audit). */
async function unfinishedAllocation(service: BankTransferModuleService, transactionId: string): Promise<AllocationResult> {
  const allocations = await service.listAllocations({ transaction_id: transactionId, reversed_at: null }, { order: { created_at: "ASC" } })
  const expectations = allocations.length ? await service.listExpectations({ id: allocations.map((a) => a.expectation_id) }) : []
  const audit = await service.listAuditEvents({ transaction_id: transactionId, action: "allocated" })
  const before = new Map(audit.map((a) => [(a.data as any)?.allocation_id, (a.data as any)?.from_status as string | undefined]))
  const byId = new Map(expectations.map((e) => [e.id, e]))
  return {
    allocation_ids: allocations.map((a) => a.id),
    expectations: allocations.flatMap((a) => {
      const e = byId.get(a.expectation_id)
      if (!e) return []
      return [{ id: e.id, order_id: e.order_id, previous_status: before.get(a.id) ?? "unknown", status: e.status, amount_remaining: String(e.amount_remaining) }]
    }),
    resumed: true,
  }
}
