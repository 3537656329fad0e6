import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { UndoAllocationBody } from "../../../validators"
import {
  adminActor,
  bankTransferModule,
  accountantAction,
} from "../../../helpers"
import { reverseAllocationWorkflow } from "../../../../../../workflows/allocate/reverse-allocation"

/**
 * POST /admin/bank-transfer/allocations/:id/undo — take money back off an order (audited, with a
 * reason). What Medusa captured for it is refunded there (the reason is the refund's note), and
 * the order returns to where it was before the money (waiting, asked, on hold…).
 * 200 `{ allocation, expectation, replayed }`; 404 unknown allocation; a repeat of an undo done
 * already answers 200 with `replayed: true` and undoes nothing twice.
 */
export async function POST(
  req: AuthenticatedMedusaRequest<z.infer<typeof UndoAllocationBody>>,
  res: MedusaResponse
) {
  const service = bankTransferModule(req)
  const allocation = await service.retrieveAllocation(req.params.id)
  const outcome = await accountantAction(
    res,
    () =>
      reverseAllocationWorkflow(req.scope).run({
        input: {
          allocation_id: allocation.id,
          transaction_id: allocation.transaction_id,
          actor: adminActor(req),
          reason: req.validatedBody.reason,
        },
      }),
    async () => !!(await service.retrieveAllocation(allocation.id)).reversed_at
  )
  if (!outcome) {
    return
  }
  res.json({
    allocation: await service.retrieveAllocation(allocation.id),
    expectation: await service.retrieveExpectation(allocation.expectation_id),
    replayed: outcome.replayed,
  })
}
