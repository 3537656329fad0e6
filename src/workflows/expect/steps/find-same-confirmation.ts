import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_TRANSFER_MODULE } from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"
import {
  DUPLICATE_WINDOW_MS,
  isSameConfirmation,
} from "../../../lib/expect/confirmation-duplicate"
import type { ConfirmPaymentInput } from "../confirm-payment"

/**
 * The confirmation of the same expectation, identical to `confirmation` (message, date, amount in
 * `currency_code`, channel, files by name and size), stored in the last DUPLICATE_WINDOW_MS: a double
 * click or a resent form. Null when there is none. Reads only.
 */
export const findSameConfirmationStep = createStep(
  "bank-transfer-find-same-confirmation",
  async (
    {
      confirmation,
      currency_code,
    }: { confirmation: ConfirmPaymentInput; currency_code: string },
    { container }
  ) => {
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    const recent = await service.listPaymentConfirmations(
      {
        expectation_id: confirmation.expectation_id,
        created_at: { $gte: new Date(Date.now() - DUPLICATE_WINDOW_MS) },
      } as any,
      { order: { created_at: "DESC" }, take: 20 }
    )
    const same = recent.find((c) =>
      isSameConfirmation(c as any, confirmation, currency_code)
    )
    return new StepResponse(same ?? null)
  }
)
