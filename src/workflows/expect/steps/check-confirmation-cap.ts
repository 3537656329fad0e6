import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_TRANSFER_MODULE } from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"
import { capProblem } from "../../../lib/shopper/confirmation-cap"

/**
 * Refuses (NOT_ALLOWED, 400) a new confirmation of `expectation_id` carrying `files` proof files
 * when the order already holds `confirmation_limits.per_order` confirmations, or would then hold
 * more than `files_per_order` files. Run under the order's lock, so that concurrent requests
 * cannot pass the cap together. Reads only.
 */
export const checkConfirmationCapStep = createStep(
  "bank-transfer-check-confirmation-cap",
  async (input: { expectation_id: string; files: number }, { container }) => {
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    const limits = (await service.loadOptions()).confirmation_limits
    const stored = await service.listPaymentConfirmations(
      { expectation_id: input.expectation_id } as any,
      { select: ["id", "files"], take: limits.per_order + 1 }
    )
    capProblem(stored as any, input.files, limits)
    return new StepResponse(true)
  }
)
