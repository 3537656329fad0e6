import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { bankTransferModule } from "../../helpers"

/** GET /admin/bank-transfer/transactions/:id — one transaction with its allocations, suggestions and audit. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const service = bankTransferModule(req)
  const transaction = await service.retrieveBankTransaction(req.params.id)
  const [allocations, suggestions, audit] = await Promise.all([
    service.listAllocations({ transaction_id: transaction.id }, { order: { created_at: "ASC" } }),
    service.listSuggestions({ transaction_id: transaction.id }, { order: { score: "DESC" } }),
    service.listAuditEvents({ transaction_id: transaction.id }, { order: { created_at: "ASC" } }),
  ])
  res.json({ transaction, allocations, suggestions, audit })
}
