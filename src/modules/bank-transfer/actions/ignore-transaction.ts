import { MathBN, MedusaError } from "@medusajs/framework/utils"
import type { Context } from "@medusajs/framework/types"
import type BankTransferModuleService from "../service"
import type { Actor } from "../types"
import { actorLabel } from "../utils"
import { lastAllocationNote } from "../repositories/allocation"
import { insertReturnItem } from "../repositories/return-item"

/**
 * Marks money as not for any order ("not ours", or to be returned), inside the caller's database
 * transaction: its pending suggestions are superseded; audited, never deleted. NOT_FOUND for an
 * unknown transaction; CONFLICT while money of it is allocated to orders (saying to which, by whom
 * and when) or when it was ignored or marked for return already.
 */
export async function ignoreTransaction(
  this: BankTransferModuleService,
  input: {
    transaction_id: string
    status: "ignored" | "returned"
    actor: Actor
    reason?: string
  },
  sharedContext: Context
) {
  const manager = sharedContext.transactionManager as any
  const [tx] = await manager.execute(
    `SELECT id, status, amount, currency_code, direction, amount_allocated, reconciled_at FROM bank_transfer_transaction WHERE id = ? FOR UPDATE`,
    [input.transaction_id]
  )
  if (!tx) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Bank transaction ${input.transaction_id} was not found`
    )
  }
  if (!MathBN.eq(tx.amount_allocated, 0)) {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `This transaction is allocated to orders${await lastAllocationNote(manager, tx.id)}; undo those allocations first`
    )
  }
  if (tx.status === "ignored" || tx.status === "returned") {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `This transaction was already ${tx.status === "returned" ? "marked for return" : "ignored"}`
    )
  }
  await this.updateBankTransactions(
    {
      id: tx.id,
      status: input.status,
      reconciled_at: tx.reconciled_at ?? new Date(),
    },
    sharedContext
  )
  const pending = await this.listSuggestions(
    { transaction_id: tx.id, status: "pending" },
    {},
    sharedContext
  )
  if (pending.length) {
    const decided = {
      status: "superseded" as const,
      decision_reason:
        input.status === "returned"
          ? "transaction_returned"
          : "transaction_ignored",
      decided_by: actorLabel(input.actor),
      decided_at: new Date(),
    }
    await this.updateSuggestions(
      pending.map((s) => ({ id: s.id, ...decided })),
      sharedContext
    )
  }
  if (input.status === "returned" && tx.direction === "in") {
    // The whole transfer goes back to its payer: the returns queue holds it until it is refunded.
    await insertReturnItem(manager, {
      cause: "marked_for_return",
      cause_key: `marked_for_return:${tx.id}`,
      transaction_id: tx.id,
      amount: tx.amount,
      currency_code: tx.currency_code,
    })
  }
  await this.createAuditEvents(
    {
      transaction_id: tx.id,
      action: input.status === "returned" ? "marked_for_return" : "ignored",
      actor_type: input.actor.type,
      actor_id: input.actor.id ?? null,
      message: input.reason ?? null,
    },
    sharedContext
  )
  return this.retrieveBankTransaction(tx.id, {}, sharedContext)
}
