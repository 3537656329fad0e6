import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import {
  BANK_TRANSFER_MODULE,
  type Actor,
} from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"
import { decidedNote } from "../../common/utils/decided-note"

/**
 * Takes one allocation's money back off its order (audited, through the state machine). CONFLICT
 * when it was undone already (saying by whom and when). An undo is itself the correction of a
 * booking: it has no compensation.
 */
export const reverseAllocationStep = createStep(
  "bank-transfer-reverse-allocation",
  async (
    input: { allocation_id: string; actor: Actor; reason?: string },
    { container }
  ) => {
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    const [reversed] = await service.reverseAllocations({
      allocation_ids: [input.allocation_id],
      actor: input.actor,
      reason: input.reason,
    })
    if (!reversed) {
      const allocation = await service.retrieveAllocation(input.allocation_id)
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `This allocation was undone${decidedNote(allocation.reversed_by, allocation.reversed_at)}`
      )
    }
    return new StepResponse(reversed)
  }
)
