import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { ListCandidatesQuery } from "../../../validators"
import { bankTransferModule } from "../../../helpers"

/**
 * GET /admin/bank-transfer/transactions/:id/candidates?q=&limit=&offset= — the open orders an
 * accountant may apply this incoming transaction to, best first, for a match by hand (then
 * POST …/match). Ranked by the matcher's evidence against what is left to apply: reference, order
 * number, tax code or phone in the memo, company or buyer's name like the payer's, amount, date.
 *
 * 200 `{ transaction: { id, currency_code, amount, amount_allocated, available }, candidates: [{
 * expectation_id, order_id, display_id, reference, status, customer: { id, name, email, phone,
 * company_name }, currency_code, amount_due, amount_remaining, placed_at, score (0..100), reasons:
 * [{ code, message, params }] }], count, capped, limit, offset }`; amounts are exact decimal
 * strings in major units. `count` is how many were ranked; `capped` says the look-up stopped at its
 * limit (narrow it with `q`).
 * 400 bad query or outgoing money; 404 unknown transaction; 409 nothing left to apply, or the
 * money was marked not for an order / to return.
 */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, z.infer<typeof ListCandidatesQuery>>,
  res: MedusaResponse
) {
  const q = req.validatedQuery as z.infer<typeof ListCandidatesQuery>
  try {
    res.json(
      await bankTransferModule(req).listHandMatchCandidates({
        transaction_id: req.params.id,
        q: q.q,
        limit: q.limit,
        offset: q.offset,
      })
    )
  } catch (e) {
    // Medusa's error handler answers a CONFLICT with a generic sentence: say what it is.
    if (
      MedusaError.isMedusaError(e) &&
      (e as MedusaError).type === MedusaError.Types.CONFLICT
    ) {
      res.status(409).json({
        type: "conflict",
        code: "invalid_state_error",
        message: (e as MedusaError).message,
      })
      return
    }
    throw e
  }
}
