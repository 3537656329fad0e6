import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { ListSuggestionsQuery } from "../validators"
import { bankTransferModule } from "../helpers"

/** GET /admin/bank-transfer/suggestions — the suggestions inbox across all orders. */
export async function GET(
  req: AuthenticatedMedusaRequest<
    unknown,
    z.infer<typeof ListSuggestionsQuery>
  >,
  res: MedusaResponse
) {
  const q = req.validatedQuery as z.infer<typeof ListSuggestionsQuery>
  const service = bankTransferModule(req)
  const [suggestions, count] = await service.listAndCountSuggestions(
    { status: q.status },
    { take: q.limit, skip: q.offset, order: { created_at: "DESC" } }
  )
  const [transactions, expectations] = await Promise.all([
    service.listBankTransactions({
      id: suggestions.map((s) => s.transaction_id),
    }),
    service.listExpectations({ id: suggestions.map((s) => s.expectation_id) }),
  ])
  const tx = new Map(transactions.map((t) => [t.id, t]))
  const ex = new Map(expectations.map((e) => [e.id, e]))
  res.json({
    suggestions: suggestions.map((s) => ({
      ...s,
      transaction: tx.get(s.transaction_id) ?? null,
      expectation: ex.get(s.expectation_id) ?? null,
    })),
    count,
    limit: q.limit,
    offset: q.offset,
  })
}
