import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { bankTransferModule } from "../../helpers"
import { buildInstructions } from "../../../../../lib/expect/instructions"

/**
 * GET /admin/bank-transfer/orders/:order_id — the order's expectation with its instructions,
 * allocations, suggestions (with their transactions) and audit trail.
 * An order paid another way answers { expectation: null } so that widgets render nothing.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const service = bankTransferModule(req)
  const [expectation] = await service.listExpectations({ order_id: req.params.order_id })
  if (!expectation) {
    res.json({ expectation: null })
    return
  }
  const [allocations, suggestions, audit, confirmations] = await Promise.all([
    service.listAllocations({ expectation_id: expectation.id }, { order: { created_at: "ASC" } }),
    service.listSuggestions({ expectation_id: expectation.id }, { order: { score: "DESC" } }),
    service.listAuditEvents({ expectation_id: expectation.id }, { order: { created_at: "ASC" } }),
    service.listPaymentConfirmations({ expectation_id: expectation.id }, { order: { created_at: "ASC" } }),
  ])
  const txIds = [...new Set([...allocations, ...suggestions].map((x) => x.transaction_id))]
  const transactions = txIds.length ? await service.listBankTransactions({ id: txIds }) : []
  const byId = new Map(transactions.map((t) => [t.id, t]))
  res.json({
    expectation,
    instructions: await buildInstructions(expectation as any, await service.loadOptions()),
    allocations: allocations.map((a) => ({ ...a, transaction: byId.get(a.transaction_id) ?? null })),
    suggestions: suggestions.map((s) => ({ ...s, transaction: byId.get(s.transaction_id) ?? null })),
    audit,
    // Proof files are downloaded through the admin route, never from a public URL.
    confirmations: confirmations.map((c) => ({
      ...c,
      files: ((c.files ?? []) as unknown as any[]).map((f) => ({
        id: f.id,
        filename: f.filename,
        mime_type: f.mime_type,
        size: f.size,
        url: `/admin/bank-transfer/confirmations/${c.id}/files/${f.id}`,
      })),
    })),
  })
}

