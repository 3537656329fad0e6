import crypto from "node:crypto"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_TRANSFER_MODULE } from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"

/**
 * Gives the expectation `expectation_id` a new payment-page token (24 random bytes, base64url, as
 * when it was created): the old link stops working at once. Answers the updated expectation.
 * Compensation puts the old token back.
 */
export const replacePageTokenStep = createStep(
  "bank-transfer-replace-page-token",
  async ({ expectation_id }: { expectation_id: string }, { container }) => {
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    const previous = await service.setPageToken(
      expectation_id,
      crypto.randomBytes(24).toString("base64url")
    )
    return new StepResponse(await service.retrieveExpectation(expectation_id), {
      id: expectation_id,
      page_token: previous,
    })
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    await service.setPageToken(previous.id, previous.page_token)
  }
)
