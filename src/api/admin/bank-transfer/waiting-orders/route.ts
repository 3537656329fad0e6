import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { OPEN_STATUSES } from "../../../../modules/bank-transfer/state-machine"
import { bankTransferModule } from "../helpers"
import { ListWaitingOrdersQuery } from "./validators"
import type { WaitingOrdersResponse } from "../../../../types/desk"

/**
 * GET /admin/bank-transfer/waiting-orders — orders waiting for their money, for the desk's lists.
 * Query: `status` (default `customer_confirmed`: shoppers who say they paid, longest wait since
 * their latest confirmation first; `open` for every open order; `needs_attention` for refused
 * captures; or one open status: oldest placed first), `currency_code`, `placed_from` (inclusive)
 * and `placed_before` (exclusive) as ISO date-times (the age buckets of GET …/stats give them),
 * `limit` 1–200 (default 20), `offset`. Answers `{ orders, count, limit, offset }`; amounts are
 * decimal strings in the currency's major units; the customer's name comes from Medusa's
 * customer. 400 `{ message }` for an unknown status, a bad date, currency or paging value.
 */
export async function GET(
  req: AuthenticatedMedusaRequest<
    unknown,
    z.infer<typeof ListWaitingOrdersQuery>
  >,
  res: MedusaResponse<WaitingOrdersResponse>
) {
  const q = req.validatedQuery as z.infer<typeof ListWaitingOrdersQuery>
  const service = bankTransferModule(req)
  const [rows, count] = await service.listWaitingOrders({
    statuses: q.status === "open" ? OPEN_STATUSES : [q.status],
    currency_code: q.currency_code,
    placed_from: q.placed_from,
    placed_before: q.placed_before,
    limit: q.limit,
    offset: q.offset,
  })
  const customerIds = [
    ...new Set(
      rows.map((r) => r.customer_id).filter((id): id is string => !!id)
    ),
  ]
  const names = new Map<string, string>()
  if (customerIds.length) {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "customer",
      fields: ["id", "first_name", "last_name"],
      filters: { id: customerIds },
    })
    for (const c of data as {
      id: string
      first_name: string | null
      last_name: string | null
    }[]) {
      const name = [c.first_name, c.last_name].filter(Boolean).join(" ")
      if (name) {
        names.set(c.id, name)
      }
    }
  }
  res.json({
    orders: rows.map((r) => ({
      id: r.id,
      order_id: r.order_id,
      order_number: String(r.order_number),
      status: r.status,
      customer: {
        id: r.customer_id,
        name: (r.customer_id && names.get(r.customer_id)) || null,
        email: r.email,
        company_name: r.company_name,
        phone: r.phone,
      },
      currency_code: r.currency_code,
      amount_due: r.amount_due,
      amount_received: r.amount_received,
      amount_remaining: r.amount_remaining,
      placed_at: new Date(r.placed_at).toISOString(),
      attention_reason: r.attention_reason,
      confirmed_at: r.confirmed_at
        ? new Date(r.confirmed_at).toISOString()
        : null,
      confirmations: r.confirmations,
      proof_files: r.proof_files,
    })),
    count,
    limit: q.limit,
    offset: q.offset,
  })
}
