import { entityId } from "../../../lib/identifiers/entity-id"
import type { SqlManager } from "./bank-transaction"
import type { EscalationAnnouncementItem } from "../types"

/** Writes a committed batch's outbox row (inside the claim's transaction); answers its id. */
export async function insertEscalationAnnouncement(
  manager: SqlManager,
  runAt: Date,
  items: EscalationAnnouncementItem[]
): Promise<string> {
  const id = entityId("btann")
  await manager.execute(
    `INSERT INTO bank_transfer_escalation_announcement (id, items, run_at) VALUES (?, ?::jsonb, ?)`,
    [id, JSON.stringify(items), runAt]
  )
  return id
}

/**
 * Takes the oldest announcement nobody holds (never taken, or its lease over) and fewer than
 * `maxAttempts` times taken: leased for `leaseSeconds`, its attempts counted. `SKIP LOCKED`: two
 * announcers never take the same row at once.
 */
export async function leaseEscalationAnnouncement(
  manager: SqlManager,
  leaseSeconds: number,
  maxAttempts: number
): Promise<{
  id: string
  items: EscalationAnnouncementItem[]
  run_at: Date
  attempts: number
} | null> {
  const [row] = await manager.execute(
    `UPDATE bank_transfer_escalation_announcement a
        SET leased_until = now() + make_interval(secs => ?), attempts = a.attempts + 1, updated_at = now()
      WHERE a.id = (
        SELECT id FROM bank_transfer_escalation_announcement
         WHERE deleted_at IS NULL AND attempts < ? AND (leased_until IS NULL OR leased_until < now())
         ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING a.id, a.items, a.run_at, a.attempts`,
    [leaseSeconds, maxAttempts]
  )
  return row ?? null
}

/** How many announcements wait (taken or not, within their attempts). */
export async function countEscalationAnnouncements(
  manager: SqlManager,
  maxAttempts: number
): Promise<number> {
  const [row] = await manager.execute(
    `SELECT count(*)::int AS n FROM bank_transfer_escalation_announcement WHERE deleted_at IS NULL AND attempts < ?`,
    [maxAttempts]
  )
  return row?.n ?? 0
}

/** The expectation rows of an announcement, as the claim read them (every column), by id. */
export async function expectationRowsById(manager: SqlManager, ids: string[]) {
  if (!ids.length) {
    return []
  }
  return manager.execute(
    `SELECT * FROM bank_transfer_expectation WHERE id IN (${ids.map(() => "?").join(",")}) AND deleted_at IS NULL`,
    ids
  )
}
