import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import {
  ContainerRegistrationKeys,
  MedusaError,
} from "@medusajs/framework/utils"
import { bankTransferModule } from "../../helpers"

/**
 * GET /admin/bank-transfer/transactions/:id — one movement with its allocations, suggestions,
 * every report of it (sightings: webhook deliveries, statement lines) and its audit trail.
 */
export async function GET(
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [found],
  } = await query.graph({
    entity: "bank_transaction",
    filters: { id: req.params.id },
    fields: ["*", "allocations.*", "suggestions.*", "sightings.*"],
  })
  if (!found) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Bank transaction with id: ${req.params.id} was not found`
    )
  }
  const { allocations, suggestions, sightings, ...transaction } = found as any
  const audit = await bankTransferModule(req).listAuditEvents(
    { transaction_id: transaction.id },
    { order: { created_at: "ASC" } }
  )
  const byCreated = (a: any, b: any) =>
    new Date(a.created_at).getTime() - new Date(b.created_at).getTime()
  res.json({
    transaction,
    allocations: [...allocations].sort(byCreated),
    suggestions: [...suggestions].sort((a: any, b: any) => b.score - a.score),
    sightings: [...sightings].sort(byCreated),
    audit,
  })
}
