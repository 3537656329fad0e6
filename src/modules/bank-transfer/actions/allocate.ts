import { MathBN, MedusaError } from "@medusajs/framework/utils"
import type { Context } from "@medusajs/framework/types"
import type BankTransferModuleService from "../service"
import { UNPAID_STATUSES } from "../state-machine"
import { lastAllocationNote } from "../repositories/allocation"
import { supersedeSuggestions } from "../repositories/suggestion"
import type { AllocateInput, AllocationResult } from "../types"
import { transitionExpectation } from "./transition"
import { actorLabel, money, placeholders } from "../utils"
import { insertReturnItem } from "../repositories/return-item"

/**
 * Applies money from one transaction to expectations, inside the caller's database transaction.
 * Both sides are locked (SELECT … FOR UPDATE) so that two deliveries or an accountant racing the
 * matcher can never allocate more than the transaction holds. Amounts are decimal strings in the
 * transaction's currency. Throws NOT_FOUND, NOT_ALLOWED (outgoing money, another currency, more
 * than the transaction's amount; a paid or closed order without `accept_surplus`), CONFLICT (the
 * money or the order was taken by another run meanwhile: the message says by whom and when) or
 * INVALID_DATA (an amount that is not positive). Statuses move through the state machine
 * (transitionExpectation). When an order has nothing left to receive, every pending suggestion
 * pointing at it from another transaction is superseded ("order_paid").
 */
export async function allocate(
  this: BankTransferModuleService,
  input: AllocateInput,
  sharedContext: Context
): Promise<AllocationResult> {
  const manager = sharedContext.transactionManager as any
  // Lock order everywhere: expectations (by id), then transactions. Superseding another
  // transaction's suggestions below updates that transaction while its own confirmation may be
  // waiting for these orders: taking the orders first means it never holds its row meanwhile.
  const ids = input.allocations.map((a) => a.expectation_id)
  const expectations: any[] = await manager.execute(
    `SELECT id, order_id, order_number, status, currency_code, amount_due, amount_received, amount_refunded, paid_at
       FROM bank_transfer_expectation WHERE id IN (${placeholders(ids)}) ORDER BY id FOR UPDATE`,
    ids
  )
  const [tx] = await manager.execute(
    `SELECT id, amount, amount_allocated, currency_code, direction, reconciled_at FROM bank_transfer_transaction WHERE id = ? FOR UPDATE`,
    [input.transaction_id]
  )
  if (!tx) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Bank transaction ${input.transaction_id} was not found`
    )
  }
  if (tx.direction !== "in") {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "Outgoing money cannot be allocated to an order"
    )
  }
  const total = input.allocations.reduce(
    (sum, a) => MathBN.add(sum, a.amount),
    MathBN.convert(0)
  )
  if (input.allocations.some((a) => MathBN.lte(a.amount, 0))) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "Every allocated amount must be positive"
    )
  }
  const available = MathBN.sub(tx.amount, tx.amount_allocated)
  if (MathBN.gt(total, available)) {
    // Within the transaction's amount, the money was taken by someone else meanwhile: a conflict.
    throw new MedusaError(
      MathBN.gt(total, tx.amount)
        ? MedusaError.Types.NOT_ALLOWED
        : MedusaError.Types.CONFLICT,
      `Transaction ${tx.id} has ${available.toString()} ${tx.currency_code} left to allocate, ${total.toString()} was asked${
        MathBN.gt(total, tx.amount)
          ? ""
          : await lastAllocationNote(manager, tx.id)
      }`
    )
  }
  const byId = new Map(expectations.map((e) => [e.id, e]))
  const result: AllocationResult = { allocation_ids: [], expectations: [] }
  for (const a of input.allocations) {
    const exp = byId.get(a.expectation_id)
    if (!exp) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Expectation ${a.expectation_id} was not found`
      )
    }
    if (exp.currency_code !== tx.currency_code) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Transaction is in ${tx.currency_code}, order expects ${exp.currency_code}`
      )
    }
    if (
      !(UNPAID_STATUSES as readonly string[]).includes(exp.status) &&
      !a.accept_surplus
    ) {
      // A paid (or closed) order takes no more money unless an accountant books it as surplus.
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Order #${exp.order_number} is already ${exp.status.replace(/_/g, " ")}${
          exp.paid_at ? ` (since ${new Date(exp.paid_at).toISOString()})` : ""
        }: it takes no more money. To keep this money on the order, book it as surplus explicitly.`
      )
    }
    const [allocation] = await this.createAllocations(
      [
        {
          transaction_id: tx.id,
          expectation_id: exp.id,
          amount: money(a.amount),
          created_by: actorLabel(input.actor),
        },
      ],
      sharedContext
    )
    const moved = await transitionExpectation.call(
      this,
      {
        expectation_id: exp.id,
        event: { type: "money_received" },
        actor: input.actor,
        action: "allocated",
        reason: input.reason ?? null,
        transaction_id: tx.id,
        amounts: { amount_received: MathBN.add(exp.amount_received, a.amount) },
        data: {
          allocation_id: allocation.id,
          amount: a.amount,
          ...(a.accept_surplus ? { booked_as_surplus: true } : {}),
        },
      },
      sharedContext
    )
    // Money beyond what the order is due is owed back: one return item per allocation. Money
    // booked onto a cancelled order is owed back whole.
    const owed =
      moved.to === "canceled"
        ? MathBN.convert(a.amount)
        : MathBN.sub(moved.surplus, moved.surplus_before)
    if (MathBN.gt(owed, 0)) {
      await insertReturnItem(manager, {
        cause: moved.to === "canceled" ? "cancelled_order" : "surplus",
        cause_key: `${moved.to === "canceled" ? "cancelled_order" : "surplus"}:${allocation.id}`,
        order_id: exp.order_id,
        expectation_id: exp.id,
        transaction_id: tx.id,
        allocation_id: allocation.id,
        amount: owed,
        currency_code: exp.currency_code,
      })
    }
    exp.amount_received = MathBN.add(exp.amount_received, a.amount).toString()
    exp.status = moved.to
    result.allocation_ids.push(allocation.id)
    result.expectations.push({
      id: exp.id,
      order_id: exp.order_id,
      previous_status: moved.from,
      status: moved.to,
      amount_remaining: moved.amount_remaining,
    })
  }
  // An order with nothing left to receive takes no more suggested money, from any transaction.
  const full = result.expectations
    .filter((e) => !(UNPAID_STATUSES as readonly string[]).includes(e.status))
    .map((e) => e.id)
  result.superseded_suggestion_ids = await supersedeSuggestions(manager, {
    expectation_ids: full,
    except_transaction_id: tx.id,
    decided_by: actorLabel(input.actor),
  })
  const allocated = MathBN.add(tx.amount_allocated, total)
  await this.updateBankTransactions(
    {
      id: tx.id,
      amount_allocated: money(allocated),
      status: MathBN.eq(allocated, tx.amount) ? "matched" : "partially_applied",
      reconciled_at: null,
    },
    sharedContext
  )
  result.reopened_from = tx.reconciled_at ? new Date(tx.reconciled_at) : null
  return result
}
