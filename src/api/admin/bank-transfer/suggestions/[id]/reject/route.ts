import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { RejectSuggestionBody } from "../../../validators"
import { adminActor } from "../../../helpers"
import { rejectSuggestionWorkflow } from "../../../../../../workflows/match/reject-suggestion"

/** POST /admin/bank-transfer/suggestions/:id/reject — "not this transaction", for good. */
export async function POST(
  req: AuthenticatedMedusaRequest<z.infer<typeof RejectSuggestionBody>>,
  res: MedusaResponse
) {
  const { result } = await rejectSuggestionWorkflow(req.scope).run({
    input: {
      suggestion_id: req.params.id,
      actor: adminActor(req),
      reason: req.validatedBody.reason,
    },
  })
  res.json({ suggestion: { ...result, status: "rejected" } })
}
