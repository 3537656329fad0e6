import { MedusaError } from "@medusajs/framework/utils"
import type { Context } from "@medusajs/framework/types"
import type BankTransferModuleService from "../service"
import * as transactions from "../repositories/bank-transaction"
import {
  loadRecordedSightings,
  pairWithRecorded,
} from "../repositories/sighting"
import { fingerprint } from "../../../lib/ingest/fingerprint"
import type { Actor, NewSighting } from "../types"
import { actorLabel } from "../utils"

export type PossibleDuplicateAnswer = {
  /** The movement the report now belongs to, or (still held) the one it may repeat. */
  transaction_id: string
  /** `created`: a movement of its own, to match; `joined`: another report of a recorded movement; `held`: it may repeat another movement too, and waits again. */
  outcome: "joined" | "created" | "held"
}

/**
 * An accountant's answer on a held possible duplicate, inside the caller's database transaction,
 * under a lock on the sighting and on its amount's identity bucket:
 * - "same transfer" → it joins the movement it may duplicate; nothing is applied;
 * - "different transfers" → it is paired again with the other recorded movements (a later report
 *   of its own transfer may have recorded it meanwhile): it joins the one it surely reports, waits
 *   again if it may repeat another one, or else becomes a movement of its own, matched as usual.
 * Audited. NOT_FOUND for an unknown sighting, NOT_ALLOWED when it is not held (decided already).
 */
export async function resolvePossibleDuplicate(
  this: BankTransferModuleService,
  input: { sighting_id: string; same: boolean; actor: Actor },
  sharedContext: Context
): Promise<PossibleDuplicateAnswer> {
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
  const report: NewSighting = {
    ...s,
    booked_at: new Date(s.booked_at),
    bank_references: Array.isArray(s.bank_references) ? s.bank_references : [],
    fingerprint: "",
  }
  report.fingerprint = fingerprint(report)
  let answer: PossibleDuplicateAnswer = {
    transaction_id: s.candidate_transaction_id,
    outcome: "joined",
  }
  if (!input.same) {
    const others = (
      await loadRecordedSightings(manager, [report], { lock: true })
    ).filter((r) => r.movement_id !== s.candidate_transaction_id)
    const [pairing] = pairWithRecorded([report], others)
    if (pairing.verdict === "same") {
      answer = { transaction_id: pairing.movement_id!, outcome: "joined" }
    } else if (pairing.verdict === "possible_duplicate") {
      answer = { transaction_id: pairing.movement_id!, outcome: "held" }
    } else {
      const [created] = await transactions.insertTransactions(manager, [report])
      answer = { transaction_id: created.id, outcome: "created" }
    }
  }
  const status =
    answer.outcome === "held"
      ? "possible_duplicate"
      : answer.outcome === "created"
        ? "new_movement"
        : "same_movement"
  await manager.execute(
    `UPDATE bank_transfer_sighting
        SET status = ?, transaction_id = ?, candidate_transaction_id = ?, resolved_by = ?, resolved_at = ?, updated_at = now()
      WHERE id = ?`,
    [
      status,
      answer.outcome === "held" ? null : answer.transaction_id,
      answer.outcome === "held"
        ? answer.transaction_id
        : s.candidate_transaction_id,
      answer.outcome === "held" ? null : actorLabel(input.actor),
      answer.outcome === "held" ? null : new Date(),
      s.id,
    ]
  )
  const messages = {
    joined: input.same
      ? "Same transfer as this one: not applied again"
      : "A different transfer from the one first suggested: it reports this recorded one, not applied again",
    created: "A different transfer: recorded as a movement of its own",
    held: "A different transfer from the one first suggested, but it may repeat this one: held again",
  }
  await this.createAuditEvents(
    {
      transaction_id: answer.transaction_id,
      action: input.same
        ? "duplicate_confirmed_same"
        : "duplicate_confirmed_different",
      actor_type: input.actor.type,
      actor_id: input.actor.id ?? null,
      message: messages[answer.outcome],
      data: {
        sighting_id: s.id,
        candidate_transaction_id: s.candidate_transaction_id,
        source: s.source,
        line: s.line,
        outcome: answer.outcome,
      },
    },
    sharedContext
  )
  return answer
}
