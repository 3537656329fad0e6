import { entityId } from "../../../lib/identifiers/entity-id"
import type { SqlManager } from "./bank-transaction"

type SystemAuditRow = {
  expectation_id?: string | null
  transaction_id?: string | null
  action: string
  message?: string | null
  data?: unknown
}

/**
 * System audit rows in one INSERT: on the job's and the matcher's hot paths the ORM's create costs
 * more than the work being audited.
 */
export async function insertSystemAuditEvents(
  manager: SqlManager,
  rows: SystemAuditRow[]
) {
  if (!rows.length) {
    return
  }
  await manager.execute(
    `INSERT INTO bank_transfer_audit_event (id, expectation_id, transaction_id, action, actor_type, message, data)
     VALUES ${rows.map(() => "(?, ?, ?, ?, 'system', ?, ?::jsonb)").join(",")}`,
    rows.flatMap((r) => [
      entityId("btaud"),
      r.expectation_id ?? null,
      r.transaction_id ?? null,
      r.action,
      r.message ?? null,
      JSON.stringify(r.data ?? null),
    ])
  )
}
