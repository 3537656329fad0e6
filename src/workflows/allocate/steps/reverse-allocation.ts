import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import {
  BANK_TRANSFER_MODULE,
  type Actor,
} from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"

/**
 * Takes one allocation's money back off its order (audited). NOT_ALLOWED when it was already
 * undone. An undo is itself the correction of a booking: it has no compensation.
 */
export const reverseAllocationStep = createStep(
  "bank-transfer-reverse-allocation",
  async (
    input: { allocation_id: string; actor: Actor; reason?: string },
    { container }
  ) => {
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    const allocation = await service.retrieveAllocation(input.allocation_id)
    if (allocation.reversed_at) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Allocation ${allocation.id} was already undone`
      )
    }
    const before = await service.retrieveExpectation(allocation.expectation_id)
    const [reversed] = await service.reverseAllocations({
      allocation_ids: [allocation.id],
      actor: input.actor,
      reason: input.reason,
    })
    return new StepResponse({
      allocation_id: allocation.id,
      expectation_id: allocation.expectation_id,
      previous_status: before.status,
      status: reversed?.status ?? before.status,
    })
  }
)
