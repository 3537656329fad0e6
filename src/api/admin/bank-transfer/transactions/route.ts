import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { ListTransactionsQuery } from "../validators"
import { bankTransferModule } from "../helpers"

/** GET /admin/bank-transfer/transactions — the ledger, newest first, filtered and paginated. */
export async function GET(
  req: AuthenticatedMedusaRequest<
    unknown,
    z.infer<typeof ListTransactionsQuery>
  >,
  res: MedusaResponse
) {
  const q = req.validatedQuery as z.infer<typeof ListTransactionsQuery>
  const filters: Record<string, unknown> = {}
  if (q.status) {
    filters.status = q.status
  }
  if (q.direction) {
    filters.direction = q.direction
  }
  if (q.needs_attention) {
    filters.needs_attention_at =
      q.needs_attention === "true" ? { $ne: null } : null
  }
  if (q.from || q.to) {
    filters.booked_at = {
      ...(q.from ? { $gte: q.from } : {}),
      ...(q.to ? { $lte: q.to } : {}),
    }
  }
  if (q.min_amount || q.max_amount) {
    filters.amount = {
      ...(q.min_amount ? { $gte: q.min_amount } : {}),
      ...(q.max_amount ? { $lte: q.max_amount } : {}),
    }
  }
  if (q.q) {
    const like = `%${q.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`
    filters.$or = [
      { memo: { $ilike: like } },
      { counterparty_name: { $ilike: like } },
      { external_id: { $ilike: like } },
    ]
  }
  const [transactions, count] = await bankTransferModule(
    req
  ).listAndCountBankTransactions(filters, {
    take: q.limit,
    skip: q.offset,
    order: { booked_at: "DESC", id: "DESC" },
  })
  res.json({ transactions, count, limit: q.limit, offset: q.offset })
}
