import {
  createWorkflow,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { sendNotificationsStep } from "@medusajs/medusa/core-flows"
import {
  buildShopperNotificationStep,
  type ShopperEventInput,
} from "./steps/build-shopper-notification"

/**
 * Tells the shopper what an event changed (instructions, a request to confirm, paid, on hold, …)
 * through Medusa's Notification Module, with an idempotency key per order and message.
 */
export const notifyShopperWorkflow = createWorkflow(
  "bank-transfer-notify-shopper",
  (input: ShopperEventInput) => {
    const notifications = buildShopperNotificationStep(input)
    when(
      { notifications },
      ({ notifications }) => notifications.length > 0
    ).then(() => {
      sendNotificationsStep(notifications)
    })
    return new WorkflowResponse(notifications)
  }
)
