import type { SqlManager } from "./bank-transaction"

/**
 * ": applied to order #N by admin:user_… at …" for a transaction's latest active allocation, to
 * tell an accountant who took the money first; empty when there is none.
 */
export async function lastAllocationNote(
  manager: SqlManager,
  transactionId: string
): Promise<string> {
  const [last] = await manager.execute(
    `SELECT a.created_by, a.created_at, e.order_number FROM bank_transfer_allocation a
       JOIN bank_transfer_expectation e ON e.id = a.expectation_id
      WHERE a.transaction_id = ? AND a.reversed_at IS NULL AND a.deleted_at IS NULL
      ORDER BY a.created_at DESC LIMIT 1`,
    [transactionId]
  )
  return last
    ? `: applied to order #${last.order_number} by ${last.created_by} at ${new Date(last.created_at).toISOString()}`
    : ""
}
