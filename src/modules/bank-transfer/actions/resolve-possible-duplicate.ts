import { MedusaError } from "@medusajs/framework/utils"
import type { Context } from "@medusajs/framework/types"
import type BankTransferModuleService from "../service"
import * as transactions from "../repositories/bank-transaction"
import { fingerprint } from "../../../lib/ingest/fingerprint"
import type { Actor } from "../types"
import { actorLabel } from "../utils"

/**
 * An accountant's answer on a held possible duplicate, inside the caller's database transaction,
 * under a lock on the sighting: "same transfer" → it joins the movement it may duplicate, nothing
 * is applied; "different transfers" → it becomes a movement of its own (to match as usual).
 * Audited. NOT_FOUND for an unknown sighting, NOT_ALLOWED when it is not held (decided already).
 */
export async function resolvePossibleDuplicate(
  this: BankTransferModuleService,
  input: { sighting_id: string; same: boolean; actor: Actor },
  sharedContext: Context
): Promise<{ transaction_id: string; created: boolean }> {
  const manager = sharedContext.transactionManager as any
  const [s]: any[] = await manager.execute(
    `SELECT *, amount::text AS amount FROM bank_transfer_sighting WHERE id = ? AND deleted_at IS NULL FOR UPDATE`,
    [input.sighting_id]
  )
  if (!s) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Sighting ${input.sighting_id} was not found`
    )
  }
  if (s.status !== "possible_duplicate") {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Sighting ${s.id} is not held as a possible duplicate (it is ${s.status})`
    )
  }
  let transactionId: string = s.candidate_transaction_id
  if (!input.same) {
    const line = { ...s, booked_at: new Date(s.booked_at) }
    const [created] = await transactions.insertTransactions(manager, [
      { ...line, fingerprint: fingerprint(line) },
    ])
    transactionId = created.id
  }
  await manager.execute(
    `UPDATE bank_transfer_sighting SET status = ?, transaction_id = ?, resolved_by = ?, resolved_at = now(), updated_at = now() WHERE id = ?`,
    [
      input.same ? "same_movement" : "new_movement",
      transactionId,
      actorLabel(input.actor),
      s.id,
    ]
  )
  await this.createAuditEvents(
    {
      transaction_id: transactionId,
      action: input.same
        ? "duplicate_confirmed_same"
        : "duplicate_confirmed_different",
      actor_type: input.actor.type,
      actor_id: input.actor.id ?? null,
      message: input.same
        ? "Same transfer as this one: not applied again"
        : "A different transfer: recorded as a movement of its own",
      data: {
        sighting_id: s.id,
        candidate_transaction_id: s.candidate_transaction_id,
        source: s.source,
        line: s.line,
      },
    },
    sharedContext
  )
  return { transaction_id: transactionId, created: !input.same }
}
