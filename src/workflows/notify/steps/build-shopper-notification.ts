import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { CreateNotificationDTO } from "@medusajs/framework/types"
import { BANK_TRANSFER_MODULE } from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"
import { shopperNotification } from "../../../lib/expect/shopper-notification"
import { canNotify } from "../utils/notification-channels"
import { loadShopperLocales } from "../utils/shopper-locales"

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

/**
 * The message an event sends to the shopper of its expectation, if any (read-only), in the
 * shopper's language (the order's locale, else the customer's); none when the store has no
 * notification provider on the shopper's channel (warned once at start-up).
 */
export const buildShopperNotificationStep = createStep(
  "bank-transfer-build-shopper-notification",
  async (event: ShopperEventInput, { container }) => {
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    const [expectation] = await service.listExpectations({ id: event.data.id })
    const options = await service.loadOptions()
    if (
      !expectation ||
      !canNotify(container, options.notifications.shopper_channel)
    ) {
      return new StepResponse([] as CreateNotificationDTO[])
    }
    const locales = await loadShopperLocales(container, [expectation.order_id])
    const notification = await shopperNotification(
      expectation as any,
      event,
      options,
      locales.get(expectation.order_id)
    )
    return new StepResponse(
      (notification ? [notification] : []) as CreateNotificationDTO[]
    )
  }
)
