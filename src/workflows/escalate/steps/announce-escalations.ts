import type {
  CreateNotificationDTO,
  INotificationModuleService,
  MedusaContainer,
} from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { BANK_TRANSFER_MODULE } from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"
import type { EscalationAnnouncementLease } from "../../../modules/bank-transfer"
import { BankTransferEvents } from "../../../lib/events"
import { shopperNotification } from "../../../lib/expect/shopper-notification"
import { canNotify } from "../../notify/utils/notification-channels"
import { loadShopperLocales } from "../../notify/utils/shopper-locales"

/** An announcement taken this many times without being finished is left alone (and logged). */
export const ANNOUNCE_MAX_ATTEMPTS = 5
/** How long an announcer owns the announcement it took: far above what 500 messages take. */
export const ANNOUNCE_LEASE_SECONDS = 300

export const EVENT_FOR_STEP = (step: string) =>
  step === "tentative_cancel"
    ? BankTransferEvents.ORDER_TENTATIVELY_CANCELED
    : step === "final_cancel"
      ? BankTransferEvents.ORDER_FINALLY_CANCELED
      : BankTransferEvents.CONFIRMATION_REQUESTED

/** Takes the oldest escalation announcement waiting, for a while (see the module's lease). */
export const leaseEscalationAnnouncementStep = createStep(
  "bank-transfer-lease-escalation-announcement",
  async (_: unknown, { container }) => {
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    const lease = await service.leaseEscalationAnnouncement({
      lease_seconds: ANNOUNCE_LEASE_SECONDS,
      max_attempts: ANNOUNCE_MAX_ATTEMPTS,
    })
    if (lease && lease.attempts === ANNOUNCE_MAX_ATTEMPTS) {
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .warn(
          `bank-transfer: escalation announcement ${lease.id} taken for the last time (${lease.attempts} attempts); if this one fails too, it is left in bank_transfer_escalation_announcement`
        )
    }
    return new StepResponse(lease)
  }
)

/**
 * Tells a batch's shoppers in one Notification Module call (idempotency key per order and step:
 * a second attempt sends only what the first did not), then emits the per-order events for the
 * merchant's own subscribers. Orders whose status moved on since the step (paid meanwhile) are
 * neither told nor announced: a later event already says where they are. A failing provider is
 * logged, not retried here: its notifications stay in Medusa's table with status `failure`.
 * Answers how many were told and announced; nothing to compensate (messages cannot be unsent).
 */
export const announceEscalationBatchStep = createStep(
  "bank-transfer-announce-escalation-batch",
  async (lease: EscalationAnnouncementLease, { container }) =>
    new StepResponse(await announce(container, lease))
)

/** The announcement is done: its outbox row goes. */
export const finishEscalationAnnouncementStep = createStep(
  "bank-transfer-finish-escalation-announcement",
  async (id: string, { container }) => {
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    await service.deleteEscalationAnnouncements(id)
    return new StepResponse(id)
  }
)

async function announce(
  container: MedusaContainer,
  lease: EscalationAnnouncementLease
) {
  const service: BankTransferModuleService =
    container.resolve(BANK_TRANSFER_MODULE)
  const options = await service.loadOptions()
  const rows = new Map(
    (
      await service.listExpectationRows(
        lease.items.map((i) => i.expectation_id)
      )
    ).map((r) => [r.id, r])
  )
  const current = lease.items.filter(
    (i) => rows.get(i.expectation_id)?.status === i.to_status
  )
  const canSend = canNotify(container, options.notifications.shopper_channel)
  // The batch's shoppers' languages in one query.
  const locales = canSend
    ? await loadShopperLocales(
        container,
        current.map((i) => i.order_id)
      )
    : new Map()
  const notifications = canSend
    ? (
        await Promise.all(
          current.map((i) =>
            shopperNotification(
              rows.get(i.expectation_id) as any,
              { name: EVENT_FOR_STEP(i.step), data: { step: i.step } },
              options,
              locales.get(i.order_id)
            )
          )
        )
      ).filter((n) => n !== null)
    : []
  if (notifications.length) {
    await send(container, notifications, lease.attempts > 1)
  }
  await container.resolve(Modules.EVENT_BUS).emit(
    current.map((i) => ({
      name: EVENT_FOR_STEP(i.step),
      data: {
        id: i.expectation_id,
        order_id: i.order_id,
        step: i.step,
        reason: "overdue",
        shopper_notified: canSend,
      },
    })),
    // Not one "Processing …" log line per order: the run's summary is logged by the job.
    { internal: true }
  )
  return { told: notifications.length, announced: current.length }
}

/**
 * One `createNotifications` call for the batch. On a second attempt, notifications an announcer
 * stopped in the middle of left `pending` (Medusa writes them, sends, then marks them) are marked
 * `failure` first, the state in which Medusa's own `createNotifications` sends an existing key
 * again: without that, they would never go out. A provider's failure is logged (the messages stay
 * `failure` for the merchant to resend); anything else (the database) is thrown, so that the
 * announcement is tried again once its lease ends.
 */
async function send(
  container: MedusaContainer,
  notifications: CreateNotificationDTO[],
  retry: boolean
) {
  const notification: INotificationModuleService = container.resolve(
    Modules.NOTIFICATION
  )
  const keys = notifications.map((n) => n.idempotency_key as string)
  if (retry) {
    const stuck = await notification.listNotifications(
      { idempotency_key: keys, status: "pending" } as any,
      { select: ["id"], take: keys.length }
    )
    if (stuck.length) {
      // updateNotifications is generated by MedusaService, not declared on the interface.
      await (notification as any).updateNotifications(
        stuck.map((n) => ({ id: n.id, status: "failure" }))
      )
    }
  }
  try {
    await notification.createNotifications(notifications)
  } catch (e) {
    const written = await notification.listNotifications(
      { idempotency_key: keys } as any,
      { select: ["id"], take: keys.length }
    )
    if (written.length < keys.length) {
      throw e
    }
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .error(`bank-transfer: escalation notifications: ${(e as Error).message}`)
  }
}
