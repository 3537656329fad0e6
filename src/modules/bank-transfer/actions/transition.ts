import { MathBN, MedusaError } from "@medusajs/framework/utils"
import type { BigNumberInput, Context } from "@medusajs/framework/types"
import type BankTransferModuleService from "../service"
import {
  transition,
  type ExpectationStatus,
  type TransitionEvent,
} from "../state-machine"
import type { Actor } from "../types"
import { money } from "../utils"
import {
  insertReturnItem,
  lastPayingTransaction,
  surplusItemsSum,
} from "../repositories/return-item"

/** What happened to one expectation, for `transitionExpectation`. */
export type ExpectationChange = {
  expectation_id: string
  event: TransitionEvent
  actor: Actor
  /** The audit entry's action (e.g. "allocated", "captured_in_medusa") and message. */
  action: string
  reason?: string | null
  transaction_id?: string | null
  data?: Record<string, unknown>
  /** New absolute amounts (decimal strings in the order's currency); omitted ones stay. */
  amounts?: {
    amount_received?: BigNumberInput
    amount_refunded?: BigNumberInput
    captured_in_medusa?: BigNumberInput
  }
  /** Merged into `steps_done` (what the shopper said, a confirmation asked by an admin). */
  steps?: Record<string, string>
  /** Why the order needs attention (set with `capture_failed`). */
  attention_reason?: string | null
}

export type TransitionResult = {
  id: string
  order_id: string
  from: ExpectationStatus
  to: ExpectationStatus
  amount_remaining: string
  /** The overpayment before and after (decimal strings in the order's currency). */
  surplus_before: string
  surplus: string
}

/**
 * Locks one expectation (SELECT … FOR UPDATE), asks the state machine for its next status, and
 * writes the status with the amounts that follow from it (remaining, surplus, amount to return),
 * plus an audit entry with the actor, reason and both statuses — inside the caller's database
 * transaction. The only writer of an expectation's status after it was created.
 * NOT_FOUND for an unknown expectation; NOT_ALLOWED when the machine refuses the transition.
 */
export async function transitionExpectation(
  this: BankTransferModuleService,
  change: ExpectationChange,
  sharedContext: Context
): Promise<TransitionResult> {
  const manager = sharedContext.transactionManager as any
  const [row] = await manager.execute(
    `SELECT * FROM bank_transfer_expectation WHERE id = ? AND deleted_at IS NULL FOR UPDATE`,
    [change.expectation_id]
  )
  if (!row) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Expectation ${change.expectation_id} was not found`
    )
  }
  const writeOff =
    (await this.loadOptions()).write_off?.[row.currency_code] ?? "0"
  const received = change.amounts?.amount_received ?? row.amount_received
  const refunded = change.amounts?.amount_refunded ?? row.amount_refunded
  const steps = { ...(row.steps_done ?? {}), ...(change.steps ?? {}) }
  const to = transition(row.status, change.event, change.actor.type, {
    amount_due: row.amount_due,
    amount_received: received,
    amount_refunded: refunded,
    write_off: writeOff,
    steps_done: steps,
  })
  const net = MathBN.sub(received, refunded)
  const remaining = MathBN.max(MathBN.sub(row.amount_due, net), 0)
  const surplus = MathBN.max(MathBN.sub(net, row.amount_due), 0)
  // Owed back to the shopper: refunds made in Medusa, plus all money kept for a cancelled order,
  // or else the overpayment.
  const toReturn = MathBN.add(
    refunded,
    to === "canceled" ? MathBN.max(net, 0) : surplus
  )
  const unpaidAgain =
    (row.status === "paid" || row.status === "partially_paid") &&
    to !== "paid" &&
    to !== "partially_paid" &&
    to !== "canceled" &&
    to !== "refunded"
  const stopsEscalating = ["paid", "canceled", "refunded"].includes(to)
  // Into or out of "shopper says they paid": confirmation steps are skipped only while there
  // (see planEscalation), so the next step is planned again by the job's next run.
  const replan =
    !stopsEscalating &&
    !unpaidAgain &&
    (to === "customer_confirmed") !== (row.status === "customer_confirmed")
  await this.updateExpectations(
    {
      id: row.id,
      status: to,
      amount_received: money(received),
      amount_refunded: money(refunded),
      ...(change.amounts?.captured_in_medusa !== undefined
        ? { captured_in_medusa: money(change.amounts.captured_in_medusa) }
        : {}),
      amount_remaining: money(remaining),
      surplus: money(surplus),
      amount_to_return: money(toReturn),
      steps_done: steps,
      attention_reason:
        to === "needs_attention"
          ? (change.attention_reason ?? row.attention_reason)
          : null,
      ...(to === "paid" && row.status !== "paid"
        ? { paid_at: new Date() }
        : {}),
      ...(to !== "paid" && row.status === "paid" ? { paid_at: null } : {}),
      ...(stopsEscalating ? { next_step: null, next_step_at: null } : {}),
      // Unpaid again (an undo): the escalation job plans the next step from what was done.
      ...(unpaidAgain || replan
        ? { next_step: null, next_step_at: new Date() }
        : {}),
    },
    sharedContext
  )
  await this.createAuditEvents(
    {
      expectation_id: row.id,
      transaction_id: change.transaction_id ?? null,
      action: change.action,
      actor_type: change.actor.type,
      actor_id: change.actor.id ?? null,
      message: change.reason ?? null,
      data: { ...(change.data ?? {}), from_status: row.status, to_status: to },
    },
    sharedContext
  )
  if (to === "canceled" && row.status !== "canceled" && MathBN.gt(net, 0)) {
    // Money kept for a cancelled order goes back: one item for what no surplus item already holds.
    const owed = MathBN.sub(net, await surplusItemsSum(manager, row.id))
    if (MathBN.gt(owed, 0)) {
      await insertReturnItem(manager, {
        cause: "cancelled_order",
        cause_key: `cancelled_order:${row.id}`,
        order_id: row.order_id,
        expectation_id: row.id,
        transaction_id: await lastPayingTransaction(manager, row.id),
        amount: owed,
        currency_code: row.currency_code,
      })
    }
  }
  return {
    id: row.id,
    order_id: row.order_id,
    from: row.status,
    to,
    amount_remaining: remaining.toString(),
    surplus_before: MathBN.convert(row.surplus ?? 0).toString(),
    surplus: surplus.toString(),
  }
}
