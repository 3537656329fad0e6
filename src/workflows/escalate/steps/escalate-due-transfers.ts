import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { BANK_TRANSFER_MODULE } from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"
import { policiesFromOptions } from "../../../lib/expect/build-expectation"
import { planEscalation } from "../../../lib/escalate/plan-step"
import { BankTransferEvents } from "../../../lib/events"
import { shopperNotification } from "../../../lib/expect/shopper-notification"

const EVENT_FOR_STEP = (step: string) =>
  step === "tentative_cancel"
    ? BankTransferEvents.ORDER_TENTATIVELY_CANCELED
    : step === "final_cancel"
      ? BankTransferEvents.ORDER_FINALLY_CANCELED
      : BankTransferEvents.CONFIRMATION_REQUESTED

type Claimed = { expectation_id: string; order_id: string; step: string; expectation: Record<string, any> }

/**
 * Moves every overdue unpaid order one step along its policy, in batches (memory stays flat with
 * 100,000 open orders). Safe to run twice, late, or on several servers at once: see
 * claimDueEscalations. After each batch is committed, its shoppers are notified in one call (with
 * idempotency keys) and its events are emitted for the merchant's own subscribers; the admin feed
 * gets one summary per run, not one entry per order.
 */
export async function escalateDueTransfers(container: MedusaContainer, now = new Date(), batchSize = 500) {
  const service: BankTransferModuleService = container.resolve(BANK_TRANSFER_MODULE)
  const eventBus = container.resolve(Modules.EVENT_BUS)
  const options = await service.loadOptions()
  const policies = policiesFromOptions(options)
  const calendar = await service.loadCalendar()
  const totals = { scanned: 0, escalated: 0, by_step: {} as Record<string, number> }
  let firstClaimed: string | null = null
  // While one batch's shoppers are told, the next batch is claimed: at most two batches in memory.
  let announcing: Promise<unknown> = Promise.resolve()
  let failure: unknown = null
  for (;;) {
    const { scanned, claimed } = await service.claimDueEscalations({
      now,
      limit: batchSize,
      plan: (row) => planEscalation(row, policies[row.policy] ?? policies.physical, calendar, now),
    })
    totals.scanned += scanned
    totals.escalated += claimed.length
    for (const c of claimed) totals.by_step[c.step] = (totals.by_step[c.step] ?? 0) + 1
    await announcing
    if (failure) throw failure
    if (claimed.length) {
      firstClaimed ??= claimed[0].expectation_id
      announcing = announce(container, service, claimed).catch((e) => (failure = e))
    }
    if (scanned < batchSize) break
  }
  await announcing
  if (failure) throw failure
  if (totals.escalated) {
    await eventBus.emit({
      name: BankTransferEvents.ESCALATION_RUN_COMPLETED,
      data: { id: `${now.toISOString()}:${firstClaimed}`, at: now.toISOString(), escalated: totals.escalated, by_step: totals.by_step },
    })
  }
  return totals
}

/**
 * A committed batch: its shoppers are notified in one Notification Module call, then its events
 * are emitted for the merchant's own subscribers. A failing provider is logged, not thrown: the
 * steps are committed, and the failed notifications stay in Medusa's notification table (status
 * failure) for the merchant to see and resend.
 */
async function announce(container: MedusaContainer, service: BankTransferModuleService, claimed: Claimed[]) {
  const options = await service.loadOptions()
  const notifications = (
    await Promise.all(claimed.map((c) => shopperNotification(c.expectation as any, { name: EVENT_FOR_STEP(c.step), data: { step: c.step } }, options)))
  ).filter((n) => n !== null)
  if (notifications.length) {
    try {
      await container.resolve(Modules.NOTIFICATION).createNotifications(notifications)
    } catch (e) {
      container.resolve(ContainerRegistrationKeys.LOGGER).error(`bank-transfer: escalation notifications: ${(e as Error).message}`)
    }
  }
  await container.resolve(Modules.EVENT_BUS).emit(
    claimed.map((c) => ({
      name: EVENT_FOR_STEP(c.step),
      data: { id: c.expectation_id, order_id: c.order_id, step: c.step, reason: "overdue", shopper_notified: true },
    })),
    // Not one "Processing …" log line per order: the run's summary is logged by the job.
    { internal: true }
  )
}
