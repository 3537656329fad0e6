import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { CreateNotificationDTO } from "@medusajs/framework/types"
import { BANK_TRANSFER_MODULE } from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"
import { shopperNotification } from "../../../lib/expect/shopper-notification"

export type ShopperEventInput = {
  name: string
  data: {
    id: string
    step?: string
    transaction_id?: string
    request_id?: string
    message?: string
  }
}

/** The message an event sends to the shopper of its expectation, if any (read-only). */
export const buildShopperNotificationStep = createStep(
  "bank-transfer-build-shopper-notification",
  async (event: ShopperEventInput, { container }) => {
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    const [expectation] = await service.listExpectations({ id: event.data.id })
    const notification = expectation
      ? await shopperNotification(
          expectation as any,
          event,
          await service.loadOptions()
        )
      : null
    return new StepResponse(
      (notification ? [notification] : []) as CreateNotificationDTO[]
    )
  }
)
