import { MathBN, MedusaError } from "@medusajs/framework/utils"
import type { Context } from "@medusajs/framework/types"
import type BankTransferModuleService from "../service"
import { nextStatusAfterPayment } from "../status"
import type {
  AllocateInput,
  AllocationResult,
  ExpectationStatus,
} from "../types"
import { actorLabel, money, placeholders } from "../utils"

/**
 * Applies money from one transaction to expectations, inside the caller's database transaction.
 * Both sides are locked (SELECT … FOR UPDATE) so that two deliveries or an accountant racing the
 * matcher can never allocate more than the transaction holds. Amounts are decimal strings in the
 * transaction's currency. Throws NOT_FOUND, NOT_ALLOWED (outgoing money, another currency, more
 * than is left) or INVALID_DATA (an amount that is not positive).
 */
export async function allocate(
  this: BankTransferModuleService,
  input: AllocateInput,
  sharedContext: Context
): Promise<AllocationResult> {
  const manager = sharedContext.transactionManager as any
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
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Transaction ${tx.id} has ${available.toString()} ${tx.currency_code} left to allocate, ${total.toString()} was asked`
    )
  }
  const ids = input.allocations.map((a) => a.expectation_id)
  const expectations: any[] = await manager.execute(
    `SELECT id, order_id, status, currency_code, amount_due, amount_received FROM bank_transfer_expectation
      WHERE id IN (${placeholders(ids)}) ORDER BY id FOR UPDATE`,
    ids
  )
  const byId = new Map(expectations.map((e) => [e.id, e]))
  const writeOffs = this.getOptions().write_off ?? {}
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
    const received = MathBN.add(exp.amount_received, a.amount)
    const remaining = MathBN.max(MathBN.sub(exp.amount_due, received), 0)
    const surplus = MathBN.max(MathBN.sub(received, exp.amount_due), 0)
    const writeOff = writeOffs[exp.currency_code] ?? "0"
    const status = nextStatusAfterPayment(
      exp.status,
      MathBN.lte(remaining, writeOff),
      MathBN.gt(received, 0)
    )
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
    await this.updateExpectations(
      {
        id: exp.id,
        amount_received: money(received),
        amount_remaining: money(remaining),
        surplus: money(surplus),
        status: status as ExpectationStatus,
        ...(status === "paid" && exp.status !== "paid"
          ? { paid_at: new Date() }
          : {}),
      },
      sharedContext
    )
    exp.amount_received = received.toString()
    result.allocation_ids.push(allocation.id)
    result.expectations.push({
      id: exp.id,
      order_id: exp.order_id,
      previous_status: exp.status,
      status,
      amount_remaining: remaining.toString(),
    })
    exp.status = status
  }
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
  await this.createAuditEvents(
    result.expectations.map((e, i) => ({
      expectation_id: e.id,
      transaction_id: tx.id,
      action: "allocated",
      actor_type: input.actor.type,
      actor_id: input.actor.id ?? null,
      message: input.reason ?? null,
      data: {
        allocation_id: result.allocation_ids[i],
        amount: input.allocations[i].amount,
        from_status: e.previous_status,
        to_status: e.status,
      },
    })),
    sharedContext
  )
  return result
}
