import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { MedusaError } from "@medusajs/framework/utils"
import { UndoAllocationBody } from "../../../validators"
import { adminActor, bankTransfer } from "../../../helpers"

/**
 * POST /admin/bank-transfer/allocations/:id/undo — take money back off an order (audited, with a
 * reason). A Medusa payment already captured stays captured: refund it in Medusa if needed.
 */
export async function POST(req: AuthenticatedMedusaRequest<z.infer<typeof UndoAllocationBody>>, res: MedusaResponse) {
  const service = bankTransfer(req)
  const allocation = await service.retrieveAllocation(req.params.id)
  if (allocation.reversed_at) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Allocation ${allocation.id} was already undone`)
  }
  const before = await service.retrieveExpectation(allocation.expectation_id)
  const [reversed] = await service.reverseAllocations({
    allocation_ids: [allocation.id],
    actor: adminActor(req),
    reason: req.validatedBody.reason,
  })
  res.json({
    allocation: await service.retrieveAllocation(allocation.id),
    expectation: await service.retrieveExpectation(allocation.expectation_id),
    warning:
      before.status === "paid" && reversed?.status !== "paid"
        ? "The order's Medusa payment was captured when it became paid and stays captured; refund it in Medusa if the money must go back."
        : null,
  })
}
