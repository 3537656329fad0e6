import type { MedusaContainer } from "@medusajs/framework/types"
import { BANK_TRANSFER_MODULE } from "../modules/bank-transfer"
import type BankTransferModuleService from "../modules/bank-transfer/service"
import { notificationChannels } from "../workflows/notify/utils/notification-channels"

/**
 * Once after the server starts: one clear warning for each channel the plugin would write to
 * (the shopper's, default `email`; the admin feed's `feed`) that no notification provider serves.
 * Messages on such a channel are not attempted (no error per order); the payment page and the
 * store route still give the shopper everything.
 */
export default async function checkNotificationChannels(
  container: MedusaContainer
) {
  const channels = notificationChannels(container)
  if (!channels) {
    return
  }
  const service: BankTransferModuleService =
    container.resolve(BANK_TRANSFER_MODULE)
  const { notifications } = await service.loadOptions()
  const wanted = [
    [
      notifications.shopper_channel,
      "shopper messages (payment instructions, reminders, paid)",
    ],
    ...(notifications.admin_feed ? [["feed", "admin feed entries"]] : []),
  ]
  for (const [channel, what] of wanted) {
    if (!channels.has(channel)) {
      container
        .resolve("logger")
        .warn(
          `bank-transfer: no notification provider serves the "${channel}" channel, so ${what} are not sent. Add a provider for it to the Notification Module in medusa-config (see the README's Notifications section)${channel === "feed" ? "" : ", or set notifications.shopper_channel"}.`
        )
    }
  }
}

export const config = {
  name: "bank-transfer-check-notification-channels",
  schedule: "* * * * *",
  numberOfExecutions: 1,
}
