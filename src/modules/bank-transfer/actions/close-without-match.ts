import type { Context } from "@medusajs/framework/types"
import { insertSystemAuditEvents } from "../repositories/audit-event"

/**
 * Closes a transaction that pays no open order: its status (unmatched, or ignored), reconciled_at
 * and the audit entry, inside the caller's database transaction. Touches only a transaction
 * nothing has been allocated from and no run has closed yet; returns whether this call closed it.
 */
export async function closeWithoutMatch(
  input: {
    transaction_id: string
    status: "unmatched" | "ignored"
    reasons: unknown[]
  },
  sharedContext: Context
): Promise<boolean> {
  const manager = sharedContext.transactionManager as any
  const closed: { id: string }[] = await manager.execute(
    `UPDATE bank_transfer_transaction SET status = ?, reconciled_at = now(), updated_at = now()
      WHERE id = ? AND reconciled_at IS NULL AND amount_allocated = 0 AND deleted_at IS NULL
      RETURNING id`,
    [input.status, input.transaction_id]
  )
  if (!closed.length) {
    return false
  }
  await insertSystemAuditEvents(manager, [
    {
      transaction_id: input.transaction_id,
      action: input.status,
      data: { reasons: input.reasons },
    },
  ])
  return true
}
