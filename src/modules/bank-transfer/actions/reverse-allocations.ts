import { MathBN, MedusaError } from "@medusajs/framework/utils"
import type { Context } from "@medusajs/framework/types"
import type BankTransferModuleService from "../service"
import type { Actor, ReversedAllocation } from "../types"
import { transitionExpectation } from "./transition"
import { actorLabel, money, placeholders } from "../utils"

/**
 * Undoes allocations (an accountant's undo, or a workflow's compensation) inside the caller's
 * database transaction, under row locks; audited. Allocations already undone are skipped. The
 * expectation's status moves through the state machine (`money_taken_back`): with no money left it
 * returns to where it was before any (waiting, asked, shopper confirmed or on hold). Returns, per
 * undone allocation, its order and the expectation's status before and after.
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
  const reversed: ReversedAllocation[] = []
  for (const alloc of allocations) {
    // Expectation first, then the transaction: the lock order of allocate.
    const [exp] = await manager.execute(
      `SELECT amount_received FROM bank_transfer_expectation WHERE id = ? FOR UPDATE`,
      [alloc.expectation_id]
    )
    const [tx] = await manager.execute(
      `SELECT id, amount, amount_allocated FROM bank_transfer_transaction WHERE id = ? FOR UPDATE`,
      [alloc.transaction_id]
    )
    // Money owed back because of this allocation: withdrawn with it while nobody acted on it;
    // once refunded or kept for the customer, the allocation stays (undo the refund first).
    const decided: any[] = await manager.execute(
      `SELECT id, state FROM bank_transfer_return_item
        WHERE allocation_id = ? AND state NOT IN ('open', 'withdrawn') AND deleted_at IS NULL`,
      [alloc.id]
    )
    if (decided.length) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `The money this allocation brought beyond the order's total was already ${decided[0].state === "kept_for_customer" ? "kept for the customer" : "refunded"} (${decided[0].id}): it cannot be undone`
      )
    }
    await manager.execute(
      `UPDATE bank_transfer_return_item SET state = 'withdrawn', decided_by = ?, decided_at = now(), updated_at = now()
        WHERE allocation_id = ? AND state = 'open'`,
      [actorLabel(input.actor), alloc.id]
    )
    const moved = await transitionExpectation.call(
      this,
      {
        expectation_id: alloc.expectation_id,
        event: { type: "money_taken_back" },
        actor: input.actor,
        action: "allocation_reversed",
        reason: input.reason ?? null,
        transaction_id: tx.id,
        amounts: {
          amount_received: MathBN.sub(exp.amount_received, alloc.amount),
        },
        data: { allocation_id: alloc.id, amount: String(alloc.amount) },
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
    reversed.push({
      allocation_id: alloc.id,
      transaction_id: tx.id,
      expectation_id: alloc.expectation_id,
      order_id: moved.order_id,
      amount: String(alloc.amount),
      previous_status: moved.from,
      status: moved.to,
    })
  }
  return reversed
}
