import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { UndoAllocationBody } from "../../../validators"
import { adminActor, bankTransferModule } from "../../../helpers"
import { reverseAllocationWorkflow } from "../../../../../../workflows/allocate/reverse-allocation"

/**
 * POST /admin/bank-transfer/allocations/:id/undo — take money back off an order (audited, with a
 * reason). A Medusa payment already captured stays captured: refund it in Medusa if needed.
 */
export async function POST(
  req: AuthenticatedMedusaRequest<z.infer<typeof UndoAllocationBody>>,
  res: MedusaResponse
) {
  const service = bankTransferModule(req)
  const { result } = await reverseAllocationWorkflow(req.scope).run({
    input: {
      allocation_id: req.params.id,
      actor: adminActor(req),
      reason: req.validatedBody.reason,
    },
  })
  res.json({
    allocation: await service.retrieveAllocation(result.allocation_id),
    expectation: await service.retrieveExpectation(result.expectation_id),
    warning:
      result.previous_status === "paid" && result.status !== "paid"
        ? "The order's Medusa payment was captured when it became paid and stays captured; refund it in Medusa if the money must go back."
        : null,
  })
}
