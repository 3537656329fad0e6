import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { ResolveDuplicateBody } from "../../../validators"
import { adminActor, bankTransferModule } from "../../../helpers"
import { sightingJson, transactionJson } from "../../../serialize"
import type { ResolveDuplicateResponse } from "../../../../../../types/http"
import { resolvePossibleDuplicateWorkflow } from "../../../../../../workflows/ingest/resolve-possible-duplicate"

/**
 * POST /admin/bank-transfer/duplicates/:sighting_id/resolve { same: boolean } — "same transfer"
 * (nothing is applied again) or "different transfers" (paired again with the other movements:
 * joins the one it reports, is held again against another, or is recorded and matched as a new
 * movement). Answers the movement and the report.
 * 404 for an unknown report, 400 when it was decided already.
 */
export async function POST(
  req: AuthenticatedMedusaRequest<z.infer<typeof ResolveDuplicateBody>>,
  res: MedusaResponse<ResolveDuplicateResponse>
) {
  const { result } = await resolvePossibleDuplicateWorkflow(req.scope).run({
    input: {
      sighting_id: req.params.sighting_id,
      same: req.validatedBody.same,
      actor: adminActor(req),
    },
  })
  const service = bankTransferModule(req)
  res.json({
    transaction: transactionJson(
      await service.retrieveBankTransaction(result.transaction_id)
    ),
    sighting: sightingJson(
      await service.retrieveSighting(req.params.sighting_id)
    ),
  })
}
