import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { RejectSuggestionBody } from "../../../validators"
import {
  adminActor,
  bankTransferModule,
  accountantAction,
} from "../../../helpers"
import { rejectSuggestionWorkflow } from "../../../../../../workflows/match/reject-suggestion"

/**
 * POST /admin/bank-transfer/suggestions/:id/reject — "not this transaction", for good.
 * 200 `{ suggestion, replayed }`; 404 unknown suggestion; 409 when it was decided otherwise
 * meanwhile (confirmed or superseded: the message says by whom and when).
 */
export async function POST(
  req: AuthenticatedMedusaRequest<z.infer<typeof RejectSuggestionBody>>,
  res: MedusaResponse
) {
  const service = bankTransferModule(req)
  const suggestion = await service.retrieveSuggestion(req.params.id)
  const outcome = await accountantAction(
    res,
    () =>
      rejectSuggestionWorkflow(req.scope).run({
        input: {
          suggestion_id: suggestion.id,
          transaction_id: suggestion.transaction_id,
          actor: adminActor(req),
          reason: req.validatedBody.reason,
        },
      }),
    async () =>
      (await service.retrieveSuggestion(suggestion.id)).status === "rejected"
  )
  if (!outcome) {
    return
  }
  res.json({
    suggestion: await service.retrieveSuggestion(suggestion.id),
    replayed: outcome.replayed,
  })
}
