import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"
import { BANK_TRANSFER_MODULE } from "../modules/bank-transfer"
import type BankTransferModuleService from "../modules/bank-transfer/service"
import { BankTransferEvents } from "../lib/events"
import { shopperNotification } from "../lib/expect/shopper-notification"

type Data = {
  id: string
  order_id?: string
  step?: string
  transaction_id?: string
  request_id?: string
  message?: string
  /** Set by the escalation job, which notifies a whole batch in one call. */
  shopper_notified?: boolean
}

/** Tells the shopper what changed, through Medusa's Notification Module. */
export default async function notifyShopper({ event, container }: SubscriberArgs<Data>) {
  if (event.data.shopper_notified) return
  const service: BankTransferModuleService = container.resolve(BANK_TRANSFER_MODULE)
  const [expectation] = await service.listExpectations({ id: event.data.id })
  if (!expectation) return
  const notification = await shopperNotification(expectation as any, event, await service.loadOptions())
  if (notification) await container.resolve(Modules.NOTIFICATION).createNotifications(notification)
}

export const config: SubscriberConfig = {
  event: [
    BankTransferEvents.EXPECTATION_CREATED,
    BankTransferEvents.CONFIRMATION_REQUESTED,
    BankTransferEvents.ORDER_PARTIALLY_PAID,
    BankTransferEvents.ORDER_PAID,
    BankTransferEvents.ORDER_TENTATIVELY_CANCELED,
    BankTransferEvents.ORDER_REVIVED,
  ],
  context: { subscriberId: "bank-transfer-notify-shopper" },
}
