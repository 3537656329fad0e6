import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { bankTransferModule } from "../helpers"
import { sightingJson, transactionJson } from "../serialize"
import type { DuplicatesResponse } from "../../../../types/http"

/**
 * GET /admin/bank-transfer/duplicates — what may be one bank movement counted twice:
 * - `possible_duplicates`: reports held because they could not be told apart from a recorded
 *   movement (same account, amount and day, memos unrelated), each beside that movement and every
 *   report of it, for an accountant to answer "same transfer" or "different transfers";
 * - `stored_twice`: pairs of movements that earlier versions may have recorded twice (before
 *   reports were paired across channels), with the identity rule that pairs them. Reported, never
 *   merged: undo the allocations of the wrong one and mark it ignored if it is.
 */
export async function GET(
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<DuplicatesResponse>
) {
  const service = bankTransferModule(req)
  const held = await service.listSightings(
    { status: "possible_duplicate" },
    { order: { created_at: "ASC" }, take: 200 }
  )
  const movementIds = [
    ...new Set(
      held
        .map((s) => s.candidate_transaction_id)
        .filter((id): id is string => !!id)
    ),
  ]
  const [movements, reports] = movementIds.length
    ? await Promise.all([
        service.listBankTransactions({ id: movementIds }),
        service.listSightings(
          { transaction_id: movementIds },
          { order: { created_at: "ASC" } }
        ),
      ])
    : [[], []]
  const possible_duplicates = held.map((sighting) => {
    const movement = movements.find(
      (m) => m.id === sighting.candidate_transaction_id
    )
    return {
      sighting: sightingJson(sighting),
      transaction: movement ? transactionJson(movement) : null,
      reports: reports
        .filter((r) => r.transaction_id === sighting.candidate_transaction_id)
        .map(sightingJson),
    }
  })
  res.json({
    possible_duplicates,
    stored_twice: await service.listStoredDuplicates({ limit: 200 }),
  })
}
