import type { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"
import { BANK_TRANSFER_MODULE } from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"
import { policiesFromOptions } from "../../../lib/expect/build-expectation"
import { planEscalation } from "../../../lib/escalate/plan-step"
import { BankTransferEvents } from "../../../lib/events"
import type { BusinessCalendar } from "../../../lib/escalate/calendar/business-calendar"
import { ANNOUNCE_MAX_ATTEMPTS } from "./announce-escalations"

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
 * claimDueEscalations. Each batch commits its steps together with its announcement (the outbox),
 * and one event per batch, at the end of the run, wakes the announcer (the announce-escalations
 * subscriber, on any worker instance), which tells the shoppers and emits the per-order events
 * off the job's path: writing a notification row per shopper through Medusa's Notification Module
 * costs several times what the claim does. A run that finds announcements left by a crash wakes
 * the announcer too. The steps committed are the record: there is nothing to compensate.
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
  const eventBus = container.resolve(Modules.EVENT_BUS)
  const wake = (ids: (string | null)[]) =>
    eventBus.emit(
      ids.map((id) => ({
        name: BankTransferEvents.ESCALATIONS_TO_ANNOUNCE,
        data: { id },
      })),
      { internal: true }
    )
  // Left by a run that crashed before its wake-up, or by an announcer that stopped half-way.
  if (
    await service.countEscalationAnnouncements({
      max_attempts: ANNOUNCE_MAX_ATTEMPTS,
    })
  ) {
    await wake([null])
  }
  // The batches' wake-ups go out when the run ends: an announcer in this process would otherwise
  // share its one thread with the claims, and a run over 100,000 orders would take the time of
  // both. The announcements are committed already; a run that dies first is recovered above.
  const announcements: string[] = []
  for (;;) {
    const { scanned, claimed, announcement_id } =
      await service.claimDueEscalations({
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
    if (announcement_id) {
      firstClaimed ??= claimed[0].expectation_id
      announcements.push(announcement_id)
    }
    if (scanned < batchSize) {
      break
    }
  }
  if (announcements.length) {
    await wake(announcements)
  }
  return { ...totals, first_claimed: firstClaimed }
}
