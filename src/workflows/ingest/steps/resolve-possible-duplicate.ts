import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  BANK_TRANSFER_MODULE,
  type Actor,
} from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"

/**
 * Records the accountant's answer on a held report (see the module's resolvePossibleDuplicate). A
 * decision about money already seen is itself the record: it is corrected by the accountant (undo
 * the allocations of a movement created by mistake), not compensated.
 */
export const resolvePossibleDuplicateStep = createStep(
  "bank-transfer-resolve-possible-duplicate",
  async (
    input: { sighting_id: string; same: boolean; actor: Actor },
    { container }
  ) => {
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    return new StepResponse(await service.resolvePossibleDuplicate(input))
  }
)
