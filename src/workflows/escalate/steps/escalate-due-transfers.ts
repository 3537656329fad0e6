import type { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { BANK_TRANSFER_MODULE } from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"
import { policiesFromOptions } from "../../../lib/expect/build-expectation"
import { planEscalation } from "../../../lib/escalate/plan-step"
import { BankTransferEvents } from "../../../lib/events"
import type { BusinessCalendar } from "../../../lib/escalate/calendar/business-calendar"
import { shopperNotification } from "../../../lib/expect/shopper-notification"
import { canNotify } from "../../notify/utils/notification-channels"
import { loadShopperLocales } from "../../notify/utils/shopper-locales"
import type { ClaimedEscalation as Claimed } from "../../../modules/bank-transfer"

const EVENT_FOR_STEP = (step: string) =>
  step === "tentative_cancel"
    ? BankTransferEvents.ORDER_TENTATIVELY_CANCELED
    : step === "final_cancel"
      ? BankTransferEvents.ORDER_FINALLY_CANCELED
      : BankTransferEvents.CONFIRMATION_REQUESTED

export type EscalationTotals = {
  scanned: number
  escalated: number
  by_step: Record<string, number>
  /** The first expectation this run moved: with the run's time, the id of its summary event. */
  first_claimed: string | null
}

/**
 * Moves every overdue unpaid order one step along its policy, in batches (memory stays flat with
 * 100,000 open orders). Safe to run twice, late, or on several servers at once: see the module's
 * claimDueEscalations. After each batch is committed, its shoppers are notified in one call (with
 * idempotency keys) and its events are emitted for the merchant's own subscribers, batch by batch
 * rather than at the end of the run, so that memory does not grow with the number of orders. The
 * steps committed are the record: there is nothing to compensate.
 */
export const escalateDueTransfersStep = createStep(
  "bank-transfer-escalate-due-transfers",
  async (input: { now: Date | string; batch_size?: number }, { container }) =>
    new StepResponse(
      await escalateDueTransfers(
        container,
        new Date(input.now),
        input.batch_size ?? 500
      )
    )
)

async function escalateDueTransfers(
  container: MedusaContainer,
  now: Date,
  batchSize: number
): Promise<EscalationTotals> {
  const service: BankTransferModuleService =
    container.resolve(BANK_TRANSFER_MODULE)
  const options = await service.loadOptions()
  const policies = policiesFromOptions(options)
  // Each order counts in its currency's calendar (Vietnam's for VND): loaded once per run.
  const calendars = new Map<string, BusinessCalendar>()
  const currencies = new Set([
    "VND",
    ...Object.keys(options.calendars),
    ...options.accounts.map((a) => a.currency.toUpperCase()),
  ])
  for (const currency of currencies) {
    calendars.set(currency, await service.loadCalendar(currency))
  }
  const merchantCalendar = await service.loadCalendar()
  const totals = {
    scanned: 0,
    escalated: 0,
    by_step: {} as Record<string, number>,
  }
  let firstClaimed: string | null = null
  // While one batch's shoppers are told, the next batch is claimed: at most two batches in memory.
  let announcing: Promise<unknown> = Promise.resolve()
  let failure: unknown = null
  for (;;) {
    const { scanned, claimed } = await service.claimDueEscalations({
      now,
      limit: batchSize,
      plan: (row) =>
        planEscalation(
          row,
          policies[row.policy] ?? policies.physical,
          calendars.get(row.currency_code?.toUpperCase()) ?? merchantCalendar,
          now
        ),
    })
    totals.scanned += scanned
    totals.escalated += claimed.length
    for (const c of claimed) {
      totals.by_step[c.step] = (totals.by_step[c.step] ?? 0) + 1
    }
    await announcing
    if (failure) {
      throw failure
    }
    if (claimed.length) {
      firstClaimed ??= claimed[0].expectation_id
      announcing = announce(container, service, claimed).catch(
        (e) => (failure = e)
      )
    }
    if (scanned < batchSize) {
      break
    }
  }
  await announcing
  if (failure) {
    throw failure
  }
  return { ...totals, first_claimed: firstClaimed }
}

/**
 * A committed batch: its shoppers are notified in one Notification Module call, then its events
 * are emitted for the merchant's own subscribers. A failing provider is logged, not thrown: the
 * steps are committed, and the failed notifications stay in Medusa's notification table (status
 * failure) for the merchant to see and resend.
 */
async function announce(
  container: MedusaContainer,
  service: BankTransferModuleService,
  claimed: Claimed[]
) {
  const options = await service.loadOptions()
  const canSend = canNotify(container, options.notifications.shopper_channel)
  // The batch's shoppers' languages in one query.
  const locales = canSend
    ? await loadShopperLocales(
        container,
        claimed.map((c) => c.order_id)
      )
    : new Map()
  const notifications = canSend
    ? (
        await Promise.all(
          claimed.map((c) =>
            shopperNotification(
              c.expectation as any,
              { name: EVENT_FOR_STEP(c.step), data: { step: c.step } },
              options,
              locales.get(c.order_id)
            )
          )
        )
      ).filter((n) => n !== null)
    : []
  if (notifications.length) {
    try {
      await container
        .resolve(Modules.NOTIFICATION)
        .createNotifications(notifications)
    } catch (e) {
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .error(
          `bank-transfer: escalation notifications: ${(e as Error).message}`
        )
    }
  }
  await container.resolve(Modules.EVENT_BUS).emit(
    claimed.map((c) => ({
      name: EVENT_FOR_STEP(c.step),
      data: {
        id: c.expectation_id,
        order_id: c.order_id,
        step: c.step,
        reason: "overdue",
        shopper_notified: true,
      },
    })),
    // Not one "Processing …" log line per order: the run's summary is logged by the job.
    { internal: true }
  )
}
