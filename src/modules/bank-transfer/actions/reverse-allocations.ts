import { MathBN } from "@medusajs/framework/utils"
import type { Context } from "@medusajs/framework/types"
import type BankTransferModuleService from "../service"
import type { Actor } from "../types"
import { actorLabel, money, placeholders } from "../utils"

/**
 * Undoes allocations (an accountant's undo, or a workflow's compensation) inside the caller's
 * database transaction, under row locks; audited. Allocations already undone are skipped. Returns,
 * per undone allocation, its expectation and the expectation's new status.
 */
export async function reverseAllocations(
  this: BankTransferModuleService,
  input: { allocation_ids: string[]; actor: Actor; reason?: string },
  sharedContext: Context
) {
  const manager = sharedContext.transactionManager as any
  if (!input.allocation_ids.length) {
    return []
  }
  const allocations: any[] = await manager.execute(
    `SELECT id, transaction_id, expectation_id, amount FROM bank_transfer_allocation
      WHERE id IN (${placeholders(input.allocation_ids)}) AND reversed_at IS NULL FOR UPDATE`,
    input.allocation_ids
  )
  const reversed: { expectation_id: string; status: string }[] = []
  for (const alloc of allocations) {
    const [tx] = await manager.execute(
      `SELECT id, amount, amount_allocated FROM bank_transfer_transaction WHERE id = ? FOR UPDATE`,
      [alloc.transaction_id]
    )
    const [exp] = await manager.execute(
      `SELECT id, status, amount_due, amount_received FROM bank_transfer_expectation WHERE id = ? FOR UPDATE`,
      [alloc.expectation_id]
    )
    const received = MathBN.sub(exp.amount_received, alloc.amount)
    const status = MathBN.gt(received, 0)
      ? "partially_paid"
      : "awaiting_transfer"
    await this.updateExpectations(
      {
        id: exp.id,
        amount_received: money(received),
        amount_remaining: money(
          MathBN.max(MathBN.sub(exp.amount_due, received), 0)
        ),
        surplus: money(MathBN.max(MathBN.sub(received, exp.amount_due), 0)),
        status,
        paid_at: null,
      },
      sharedContext
    )
    const allocated = MathBN.sub(tx.amount_allocated, alloc.amount)
    await this.updateBankTransactions(
      {
        id: tx.id,
        amount_allocated: money(allocated),
        status: MathBN.gt(allocated, 0) ? "partially_applied" : "unmatched",
      },
      sharedContext
    )
    await this.updateAllocations(
      {
        id: alloc.id,
        reversed_at: new Date(),
        reversed_by: actorLabel(input.actor),
      },
      sharedContext
    )
    await this.createAuditEvents(
      {
        expectation_id: exp.id,
        transaction_id: tx.id,
        action: "allocation_reversed",
        actor_type: input.actor.type,
        actor_id: input.actor.id ?? null,
        message: input.reason ?? null,
        data: {
          allocation_id: alloc.id,
          amount: String(alloc.amount),
          from_status: exp.status,
          to_status: status,
        },
      },
      sharedContext
    )
    reversed.push({ expectation_id: exp.id, status })
  }
  return reversed
}
