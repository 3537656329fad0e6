import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { CreateNotificationDTO } from "@medusajs/framework/types"
import { BANK_TRANSFER_MODULE } from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"
import { adminFeedEntry, type AdminFeedEvent } from "../utils/admin-feed-entry"
import { canNotify } from "../utils/notification-channels"

/**
 * The admin feed notification for an event, when it needs an accountant, the feed is on and the
 * store has a provider on Medusa's `feed` channel.
 */
export const buildAdminFeedEntryStep = createStep(
  "bank-transfer-build-admin-feed-entry",
  async (event: AdminFeedEvent, { container }) => {
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    const entry = adminFeedEntry(event)
    if (
      !entry ||
      !(await service.loadOptions()).notifications.admin_feed ||
      !canNotify(container, "feed")
    ) {
      return new StepResponse([] as CreateNotificationDTO[])
    }
    return new StepResponse([
      {
        to: "",
        channel: "feed",
        template: "admin-ui",
        trigger_type: event.name,
        resource_id:
          event.data.order_id ?? event.data.transaction_id ?? event.data.id,
        idempotency_key: `bank-transfer:feed:${event.name}:${entry.key}`,
        data: { title: entry.title, description: entry.description },
      },
    ] as CreateNotificationDTO[])
  }
)
