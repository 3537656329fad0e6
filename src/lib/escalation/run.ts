import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { BANK_TRANSFER_MODULE } from "../../modules/bank-transfer"
import type BankTransferModuleService from "../../modules/bank-transfer/service"
import { policiesFromOptions } from "../expectation-input"
import { planEscalation } from "./plan-step"
import { BankTransferEvents } from "../events"

const EVENT_FOR_STEP = (step: string) =>
  step === "tentative_cancel"
    ? BankTransferEvents.ORDER_TENTATIVELY_CANCELED
    : step === "final_cancel"
      ? BankTransferEvents.ORDER_FINALLY_CANCELED
      : BankTransferEvents.CONFIRMATION_REQUESTED

/**
 * Moves every overdue unpaid order one step along its policy, in batches (memory stays flat with
 * 100,000 open orders). Safe to run twice, late, or on several servers at once: see
 * claimDueEscalations. Events are emitted after each batch is committed; notifications follow
 * from them (with idempotency keys) in subscribers.
 */
export async function escalateDueTransfers(container: MedusaContainer, now = new Date(), batchSize = 500) {
  const service: BankTransferModuleService = container.resolve(BANK_TRANSFER_MODULE)
  const eventBus = container.resolve(Modules.EVENT_BUS)
  const options = await service.loadOptions()
  const policies = policiesFromOptions(options)
  const calendar = await service.loadCalendar()
  const totals = { scanned: 0, escalated: 0, by_step: {} as Record<string, number> }
  for (;;) {
    const { scanned, claimed } = await service.claimDueEscalations({
      now,
      limit: batchSize,
      plan: (row) => planEscalation(row, policies[row.policy] ?? policies.physical, calendar, now),
    })
    totals.scanned += scanned
    totals.escalated += claimed.length
    for (const c of claimed) totals.by_step[c.step] = (totals.by_step[c.step] ?? 0) + 1
    if (claimed.length) {
      await eventBus.emit(
        claimed.map((c) => ({
          name: EVENT_FOR_STEP(c.step),
          data: { id: c.expectation_id, order_id: c.order_id, step: c.step, reason: "overdue" },
        }))
      )
    }
    if (scanned < batchSize) return totals
  }
}
