import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { CreateNotificationDTO } from "@medusajs/framework/types"
import { BANK_TRANSFER_MODULE } from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"
import { toMinorUnits } from "../../../lib/money/minor-units"
import {
  adminFeedEntry,
  type AdminFeedContext,
  type AdminFeedEvent,
} from "../utils/admin-feed-entry"
import { canNotify } from "../utils/notification-channels"

/** A bigNumber field of a module row in minor units, exactly (its raw value when the service gives it). */
const minor = (
  row: Record<string, any>,
  field: string,
  currency: string
): bigint => {
  const value = row[`raw_${field}`]?.value ?? row[field]
  return value == null ? 0n : toMinorUnits(String(value), currency)
}

/** What the entry names: the order (display id, money), the shopper's confirmation, the transfer. */
async function loadContext(
  service: BankTransferModuleService,
  event: AdminFeedEvent
): Promise<AdminFeedContext> {
  const { data } = event
  const expectationOf = async () => {
    const filters = data.id?.startsWith("btexp")
      ? { id: data.id }
      : data.order_id
        ? { order_id: data.order_id }
        : null
    if (!filters) {
      return null
    }
    const [e] = await service.listExpectations(filters, {
      take: 1,
      order: { created_at: "DESC" },
    })
    return e ?? null
  }
  const toOrder = (e: Record<string, any>) => ({
    id: e.order_id as string,
    display_id: String(e.order_number),
    currency_code: e.currency_code as string,
    amount_due: minor(e, "amount_due", e.currency_code),
    amount_remaining: minor(e, "amount_remaining", e.currency_code),
    amount_to_return: minor(e, "amount_to_return", e.currency_code),
  })
  const context: AdminFeedContext = {}
  const expectation = await expectationOf()
  if (expectation) {
    context.order = toOrder(expectation)
  }
  if (data.confirmation_id && expectation) {
    const [c] = await service.listPaymentConfirmations({
      id: data.confirmation_id,
    })
    if (c) {
      context.confirmation = {
        amount:
          c.amount == null
            ? null
            : minor(c, "amount", expectation.currency_code),
        paid_on: c.paid_on ?? null,
      }
    }
  }
  if (data.transaction_id) {
    const [tx] = await service.listBankTransactions({ id: data.transaction_id })
    if (tx) {
      context.transaction = {
        id: tx.id,
        currency_code: tx.currency_code,
        amount: minor(tx, "amount", tx.currency_code),
        counterparty_name: tx.counterparty_name ?? null,
      }
    }
  }
  if (data.expectation_ids?.length) {
    const suggested = await service.listExpectations({
      id: data.expectation_ids,
    })
    context.suggested_orders = data.expectation_ids
      .map((id) => suggested.find((e) => e.id === id))
      .filter((e) => !!e)
      .map((e) => String(e.order_number))
  }
  return context
}

/**
 * The admin feed notification for an event, when it needs an accountant, the feed is on and the
 * store has a provider on Medusa's `feed` channel. It names the order by its display id and the
 * money formatted; `url` is the admin path it concerns (kept in the data: the dashboard shows only
 * `title` and `description`).
 */
export const buildAdminFeedEntryStep = createStep(
  "bank-transfer-build-admin-feed-entry",
  async (event: AdminFeedEvent, { container }) => {
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    const options = await service.loadOptions()
    if (!options.notifications.admin_feed || !canNotify(container, "feed")) {
      return new StepResponse([] as CreateNotificationDTO[])
    }
    const context = await loadContext(service, event)
    const entry = adminFeedEntry(
      event,
      context,
      options.notifications.admin_feed_language
    )
    const orderId = context.order?.id ?? event.data.order_id
    if (!entry) {
      return new StepResponse([] as CreateNotificationDTO[])
    }
    return new StepResponse([
      {
        to: "",
        channel: "feed",
        template: "admin-ui",
        trigger_type: event.name,
        resource_id: orderId ?? event.data.transaction_id ?? event.data.id,
        resource_type: orderId ? "order" : undefined,
        idempotency_key: `bank-transfer:feed:${event.name}:${entry.key}`,
        data: {
          title: entry.title,
          description: entry.description,
          url: entry.url,
        },
      },
    ] as CreateNotificationDTO[])
  }
)
