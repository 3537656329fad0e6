import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { ListTransactionsQuery } from "../validators"
import { bankTransferModule } from "../helpers"
import { amountInCurrency } from "../../../amount-in-currency"
import { addDays } from "../../../../lib/escalate/calendar/local-date"
import type { LedgerOrderRef } from "../../../../types/ledger"

/**
 * GET /admin/bank-transfer/transactions — the ledger, newest first, filtered and paginated.
 * Filters (see ListTransactionsQuery): `status` (one or several), `direction`, `from`/`to` (days
 * YYYY-MM-DD in the shop's time zone, both included, or ISO instants), `account`, `currency_code`,
 * `min_amount`/`max_amount` (decimal strings in major units, exact), `q`, `needs_attention`.
 * Answers `{ transactions, count, limit, offset }`; each transaction carries `orders`: the orders its
 * live allocations pay (`order_id`, `display_id`), oldest allocation first. 400 for bad input.
 */
export async function GET(
  req: AuthenticatedMedusaRequest<
    unknown,
    z.infer<typeof ListTransactionsQuery>
  >,
  res: MedusaResponse
) {
  const q = req.validatedQuery as z.infer<typeof ListTransactionsQuery>
  const service = bankTransferModule(req)
  const filters: Record<string, unknown> = {}
  if (q.status) {
    filters.status = q.status
  }
  if (q.direction) {
    filters.direction = q.direction
  }
  if (q.account) {
    filters.account = q.account
  }
  if (q.currency_code) {
    filters.currency_code = q.currency_code.toUpperCase()
  }
  if (q.needs_attention) {
    filters.needs_attention_at =
      q.needs_attention === "true" ? { $ne: null } : null
  }
  if (q.from || q.to) {
    // Days are the shop's: a bank books in the shop's day, whatever the viewer's zone.
    const calendar =
      (q.from && "day" in q.from) || (q.to && "day" in q.to)
        ? await service.loadCalendar()
        : null
    filters.booked_at = {
      ...(q.from
        ? {
            $gte:
              "day" in q.from
                ? calendar!.startOfDay(q.from.day)
                : q.from.instant,
          }
        : {}),
      ...(q.to
        ? "day" in q.to
          ? { $lt: calendar!.startOfDay(addDays(q.to.day, 1)) }
          : { $lte: q.to.instant }
        : {}),
    }
  }
  if (q.min_amount || q.max_amount) {
    // With a currency, an amount it cannot hold (1000.5 VND) is a 400, not a silent rounding.
    const exact = (v: string, field: string) =>
      q.currency_code ? amountInCurrency(v, q.currency_code, field) : v
    filters.amount = {
      ...(q.min_amount ? { $gte: exact(q.min_amount, "min_amount") } : {}),
      ...(q.max_amount ? { $lte: exact(q.max_amount, "max_amount") } : {}),
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
  const [transactions, count] = await service.listAndCountBankTransactions(
    filters,
    {
      take: q.limit,
      skip: q.offset,
      order: { booked_at: "DESC", id: "DESC" },
    }
  )
  const orders = new Map<string, LedgerOrderRef[]>()
  if (transactions.length) {
    const allocations = await service.listAllocations(
      { transaction_id: transactions.map((t) => t.id), reversed_at: null },
      { relations: ["expectation"], order: { created_at: "ASC" } }
    )
    for (const a of allocations as any[]) {
      if (!a.expectation) {
        continue
      }
      const list = orders.get(a.transaction_id) ?? []
      if (!list.some((o) => o.order_id === a.expectation.order_id)) {
        list.push({
          order_id: a.expectation.order_id,
          display_id: String(a.expectation.order_number),
        })
      }
      orders.set(a.transaction_id, list)
    }
  }
  res.json({
    transactions: transactions.map((t) => ({
      ...t,
      orders: orders.get(t.id) ?? [],
    })),
    count,
    limit: q.limit,
    offset: q.offset,
  })
}
