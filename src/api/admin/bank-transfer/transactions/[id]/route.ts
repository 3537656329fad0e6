import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { bankTransferModule } from "../../helpers"
import { sightingJson } from "../../serialize"

/**
 * GET /admin/bank-transfer/transactions/:id — one transaction (a bank movement) with its
 * allocations, suggestions, audit and every report of it (sightings: webhook deliveries and
 * statement lines, oldest first).
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const service = bankTransferModule(req)
  const transaction = await service.retrieveBankTransaction(req.params.id)
  const [allocations, suggestions, audit, sightings] = await Promise.all([
    service.listAllocations({ transaction_id: transaction.id }, { order: { created_at: "ASC" } }),
    service.listSuggestions({ transaction_id: transaction.id }, { order: { score: "DESC" } }),
    service.listAuditEvents({ transaction_id: transaction.id }, { order: { created_at: "ASC" } }),
    service.listSightings({ transaction_id: transaction.id }, { order: { created_at: "ASC" } }),
  ])
  res.json({ transaction, allocations, suggestions, audit, sightings: sightings.map(sightingJson) })
}
