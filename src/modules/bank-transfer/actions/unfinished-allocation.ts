import type { Context } from "@medusajs/framework/types"
import type BankTransferModuleService from "../service"
import type { AllocationResult } from "../types"

/**
 * A transaction's active allocations as the run that made them returned them (each expectation's
 * status before, from the audit trail), so that a run that stopped after allocating is finished
 * rather than matched again.
 */
export async function unfinishedAllocation(
  this: BankTransferModuleService,
  transactionId: string,
  sharedContext: Context
): Promise<AllocationResult> {
  const allocations = await this.listAllocations(
    { transaction_id: transactionId, reversed_at: null },
    { order: { created_at: "ASC" } },
    sharedContext
  )
  const expectations = allocations.length
    ? await this.listExpectations(
        { id: allocations.map((a) => a.expectation_id) },
        {},
        sharedContext
      )
    : []
  const audit = await this.listAuditEvents(
    { transaction_id: transactionId, action: "allocated" },
    {},
    sharedContext
  )
  const before = new Map(
    audit.map((a) => [
      (a.data as any)?.allocation_id,
      (a.data as any)?.from_status as string | undefined,
    ])
  )
  const byId = new Map(expectations.map((e) => [e.id, e]))
  return {
    allocation_ids: allocations.map((a) => a.id),
    expectations: allocations.flatMap((a) => {
      const e = byId.get(a.expectation_id)
      if (!e) {
        return []
      }
      return [
        {
          id: e.id,
          order_id: e.order_id,
          previous_status: before.get(a.id) ?? "unknown",
          status: e.status,
          amount_remaining: String(e.amount_remaining),
        },
      ]
    }),
    resumed: true,
  }
}
