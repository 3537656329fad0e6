import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { bankTransferModule } from "../helpers"
import { ListReturnsQuery } from "./validators"
import { serializeReturnItem } from "./serialize"
import type { ReturnItemsResponse } from "../../../../types/http"

/**
 * GET /admin/bank-transfer/returns — money to return (surplus, cancelled orders, transfers marked
 * for return, refunds made in Medusa), newest first. Query: `state` (one or several of open,
 * refund_recorded, closed, kept_for_customer, withdrawn; default open + refund_recorded: the
 * queue), `limit` 1–200 (default 50), `offset`. Answers `{ return_items, count, limit, offset }`
 * (see ReturnItemView: amounts as decimal strings, the transfer back with its VietQR while money
 * is still to go out). 400 `{ message }` for an unknown state or a bad paging value.
 */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, z.infer<typeof ListReturnsQuery>>,
  res: MedusaResponse<ReturnItemsResponse>
) {
  const q = req.validatedQuery as z.infer<typeof ListReturnsQuery>
  const states = q.state
    ? Array.isArray(q.state)
      ? q.state
      : [q.state]
    : ["open", "refund_recorded"]
  const { rows, count } = await bankTransferModule(req).listReturnItemsPage({
    states,
    limit: q.limit,
    offset: q.offset,
  })
  res.json({
    return_items: await Promise.all(rows.map(serializeReturnItem)),
    count,
    limit: q.limit,
    offset: q.offset,
  })
}
