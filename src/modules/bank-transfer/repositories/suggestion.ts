import { placeholders } from "../utils"
import type { SqlManager } from "./bank-transaction"

/**
 * Supersedes the pending suggestions that point at these expectations (orders with nothing left
 * to receive), except those of `except_transaction_id` (the run that paid them settles its own),
 * with the reason "order_paid". A transaction left with no pending suggestion and no allocation
 * goes back to the unmatched queue. Returns the superseded suggestions' ids.
 */
export async function supersedeSuggestions(
  manager: SqlManager,
  input: {
    expectation_ids: string[]
    except_transaction_id: string | null
    decided_by: string
  }
): Promise<string[]> {
  if (!input.expectation_ids.length) {
    return []
  }
  // The other transactions are locked (in id order) before their suggestions are touched: an
  // accountant ignoring one of them at this moment holds its row, then its suggestions.
  const others: { transaction_id: string }[] = await manager.execute(
    `SELECT DISTINCT transaction_id FROM bank_transfer_suggestion
      WHERE expectation_id IN (${placeholders(input.expectation_ids)}) AND status = 'pending'
        AND transaction_id IS DISTINCT FROM ? AND deleted_at IS NULL`,
    [...input.expectation_ids, input.except_transaction_id]
  )
  const transactions = others.map((o) => o.transaction_id).sort()
  if (!transactions.length) {
    return []
  }
  await manager.execute(
    `SELECT id FROM bank_transfer_transaction WHERE id IN (${placeholders(transactions)}) ORDER BY id FOR UPDATE`,
    transactions
  )
  const rows: { id: string }[] = await manager.execute(
    `UPDATE bank_transfer_suggestion
        SET status = 'superseded', decision_reason = 'order_paid', decided_by = ?, decided_at = now(), updated_at = now()
      WHERE expectation_id IN (${placeholders(input.expectation_ids)}) AND status = 'pending'
        AND transaction_id IN (${placeholders(transactions)}) AND deleted_at IS NULL
      RETURNING id`,
    [input.decided_by, ...input.expectation_ids, ...transactions]
  )
  await manager.execute(
    `UPDATE bank_transfer_transaction t SET status = 'unmatched', updated_at = now()
      WHERE t.id IN (${placeholders(transactions)}) AND t.status = 'suggested'
        AND NOT EXISTS (SELECT 1 FROM bank_transfer_suggestion s
                         WHERE s.transaction_id = t.id AND s.status = 'pending' AND s.deleted_at IS NULL)`,
    transactions
  )
  return rows.map((r) => r.id)
}
