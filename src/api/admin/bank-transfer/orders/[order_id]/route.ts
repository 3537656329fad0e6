import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { bankTransferModule } from "../../helpers"
import { buildInstructions } from "../../../../../lib/expect/instructions"

/**
 * GET /admin/bank-transfer/orders/:order_id — the order's expectation with its instructions,
 * allocations, suggestions (with their transactions) and audit trail.
 * An order paid another way answers { expectation: null } so that widgets render nothing.
 */
export async function GET(
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) {
  const service = bankTransferModule(req)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [expectation],
  } = await query.graph({
    entity: "expectation",
    filters: { order_id: req.params.order_id },
    fields: [
      "*",
      "allocations.*",
      "allocations.transaction.*",
      "suggestions.*",
      "suggestions.transaction.*",
      "confirmations.*",
    ],
  })
  if (!expectation) {
    res.json({ expectation: null })
    return
  }
  const { allocations, suggestions, confirmations, ...own } = expectation as any
  const audit = await service.listAuditEvents(
    { expectation_id: own.id },
    { order: { created_at: "ASC" } }
  )
  const byCreated = (a: any, b: any) =>
    new Date(a.created_at).getTime() - new Date(b.created_at).getTime()
  res.json({
    expectation: own,
    instructions: await buildInstructions(own, await service.loadOptions()),
    allocations: [...allocations].sort(byCreated),
    suggestions: [...suggestions].sort((a: any, b: any) => b.score - a.score),
    audit,
    // Proof files are downloaded through the admin route, never from a public URL.
    confirmations: [...confirmations].sort(byCreated).map((c: any) => ({
      ...c,
      files: ((c.files ?? []) as any[]).map((f) => ({
        id: f.id,
        filename: f.filename,
        mime_type: f.mime_type,
        size: f.size,
        url: `/admin/bank-transfer/confirmations/${c.id}/files/${f.id}`,
      })),
    })),
  })
}
