import { MathBN, MedusaError } from "@medusajs/framework/utils"
import type { Context } from "@medusajs/framework/types"
import type BankTransferModuleService from "../service"
import type { Actor } from "../types"
import { actorLabel } from "../utils"
import {
  insertReturnItem,
  lastPayingTransaction,
} from "../repositories/return-item"

/** Locks one return item (FOR UPDATE); NOT_FOUND when there is none. */
async function lockItem(manager: any, id: string) {
  const [item] = await manager.execute(
    `SELECT * FROM bank_transfer_return_item WHERE id = ? AND deleted_at IS NULL FOR UPDATE`,
    [id]
  )
  if (!item) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Return item ${id} was not found`
    )
  }
  return item
}

const WORDS: Record<string, string> = {
  refund_recorded: "its refund was recorded already",
  closed: "it was refunded and the transfer seen already",
  kept_for_customer: "it was kept for the customer already",
  withdrawn: "its cause was undone",
}

/** CONFLICT unless the item is in `state`, saying what was decided, by whom and when. */
function expectState(item: any, state: string) {
  if (item.state !== state) {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `This money to return is not ${state.replace(/_/g, " ")}: ${WORDS[item.state] ?? item.state}${
        item.decided_by ? ` (by ${item.decided_by}` : ""
      }${item.decided_at ? ` at ${new Date(item.decided_at).toISOString()})` : item.decided_by ? ")" : ""}`
    )
  }
}

async function audit(
  service: BankTransferModuleService,
  item: any,
  action: string,
  actor: Actor,
  message: string | null,
  data: Record<string, unknown>,
  sharedContext: Context
) {
  await service.createAuditEvents(
    {
      expectation_id: item.expectation_id ?? null,
      transaction_id: item.transaction_id ?? null,
      action,
      actor_type: actor.type,
      actor_id: actor.id ?? null,
      message,
      data: {
        return_item_id: item.id,
        cause: item.cause,
        amount: MathBN.convert(item.amount).toString(),
        currency_code: item.currency_code,
        ...data,
      },
    },
    sharedContext
  )
}

/**
 * open → refund_recorded: the accountant recorded the refund (what part went through Medusa, the
 * reason and note), audited. CONFLICT when the item was decided already. Returns the item's state
 * before, for a workflow's compensation.
 */
export async function recordReturnRefund(
  this: BankTransferModuleService,
  input: {
    id: string
    medusa_amount: string
    refund_reason_id?: string | null
    note?: string | null
    actor: Actor
  },
  sharedContext: Context
) {
  const manager = sharedContext.transactionManager as any
  const item = await lockItem(manager, input.id)
  expectState(item, "open")
  const plugin = MathBN.sub(item.amount, input.medusa_amount)
  await manager.execute(
    `UPDATE bank_transfer_return_item
        SET state = 'refund_recorded', medusa_amount = ?, raw_medusa_amount = ?::jsonb,
            plugin_amount = ?, raw_plugin_amount = ?::jsonb, refund_reason_id = ?, note = ?,
            refund_recorded_at = now(), decided_by = ?, decided_at = now(), updated_at = now()
      WHERE id = ?`,
    [
      input.medusa_amount,
      JSON.stringify({ value: input.medusa_amount, precision: 20 }),
      plugin.toString(),
      JSON.stringify({ value: plugin.toString(), precision: 20 }),
      input.refund_reason_id ?? null,
      input.note ?? null,
      actorLabel(input.actor),
      item.id,
    ]
  )
  await audit(
    this,
    item,
    "return_refund_recorded",
    input.actor,
    input.note ?? null,
    {
      medusa_amount: input.medusa_amount,
      plugin_amount: plugin.toString(),
      refund_reason_id: input.refund_reason_id ?? null,
    },
    sharedContext
  )
  return item
}

/** Puts an item back as it was before recordReturnRefund (compensation), audited. */
export async function revertReturnRefund(
  this: BankTransferModuleService,
  before: any,
  sharedContext: Context
) {
  const manager = sharedContext.transactionManager as any
  await manager.execute(
    `UPDATE bank_transfer_return_item
        SET state = ?, medusa_amount = 0, raw_medusa_amount = ?::jsonb, plugin_amount = 0,
            raw_plugin_amount = ?::jsonb, refund_reason_id = NULL, note = ?, refund_recorded_at = NULL,
            decided_by = ?, decided_at = ?, updated_at = now()
      WHERE id = ? AND state = 'refund_recorded'`,
    [
      before.state,
      JSON.stringify({ value: "0", precision: 20 }),
      JSON.stringify({ value: "0", precision: 20 }),
      before.note ?? null,
      before.decided_by ?? null,
      before.decided_at ?? null,
      before.id,
    ]
  )
  await audit(
    this,
    before,
    "return_refund_rolled_back",
    { type: "system" },
    "Rolled back: Medusa refused the refund",
    {},
    sharedContext
  )
}

/** open → kept_for_customer, with the accountant's note, audited. CONFLICT when decided already. */
export async function keepReturnForCustomer(
  this: BankTransferModuleService,
  input: { id: string; note: string; actor: Actor },
  sharedContext: Context
) {
  const manager = sharedContext.transactionManager as any
  const item = await lockItem(manager, input.id)
  expectState(item, "open")
  await manager.execute(
    `UPDATE bank_transfer_return_item
        SET state = 'kept_for_customer', note = ?, decided_by = ?, decided_at = now(), updated_at = now()
      WHERE id = ?`,
    [input.note, actorLabel(input.actor), item.id]
  )
  await audit(
    this,
    item,
    "return_kept_for_customer",
    input.actor,
    input.note,
    {},
    sharedContext
  )
  return item
}

/** kept_for_customer → open again (compensation of keepReturnForCustomer). */
export async function reopenReturn(
  this: BankTransferModuleService,
  before: any,
  sharedContext: Context
) {
  const manager = sharedContext.transactionManager as any
  await manager.execute(
    `UPDATE bank_transfer_return_item SET state = 'open', note = ?, decided_by = ?, decided_at = ?, updated_at = now()
      WHERE id = ? AND state = 'kept_for_customer'`,
    [
      before.note ?? null,
      before.decided_by ?? null,
      before.decided_at ?? null,
      before.id,
    ]
  )
}

/**
 * refund_recorded → closed: the outgoing transfer `transaction_id` paid the refund. The line is
 * locked and must be outgoing, in the item's currency and of exactly its amount, and not already
 * pay another refund (NOT_ALLOWED / CONFLICT); it is marked `returned` and reconciled. Audited on
 * both. CONFLICT when the item has no recorded refund waiting.
 */
export async function closeReturnItem(
  this: BankTransferModuleService,
  input: {
    id: string
    transaction_id: string
    actor: Actor
    automatic: boolean
  },
  sharedContext: Context
) {
  const manager = sharedContext.transactionManager as any
  const item = await lockItem(manager, input.id)
  const [tx] = await manager.execute(
    `SELECT id, direction, amount, currency_code, status FROM bank_transfer_transaction WHERE id = ? FOR UPDATE`,
    [input.transaction_id]
  )
  if (!tx) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Bank transaction ${input.transaction_id} was not found`
    )
  }
  expectState(item, "refund_recorded")
  if (
    tx.direction !== "out" ||
    tx.currency_code !== item.currency_code ||
    !MathBN.eq(tx.amount, item.amount)
  ) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Only an outgoing transfer of exactly ${MathBN.convert(item.amount).toString()} ${item.currency_code.toUpperCase()} pays this refund`
    )
  }
  const [taken] = await manager.execute(
    `SELECT id FROM bank_transfer_return_item WHERE outgoing_transaction_id = ? AND deleted_at IS NULL`,
    [tx.id]
  )
  if (taken || tx.status === "returned") {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `This outgoing transfer already pays ${taken ? `refund ${taken.id}` : "another refund"}`
    )
  }
  await manager.execute(
    `UPDATE bank_transfer_return_item
        SET state = 'closed', outgoing_transaction_id = ?, closed_at = now(), updated_at = now()
      WHERE id = ?`,
    [tx.id, item.id]
  )
  await this.updateBankTransactions(
    { id: tx.id, status: "returned", reconciled_at: new Date() },
    sharedContext
  )
  await audit(
    this,
    item,
    "return_closed",
    input.actor,
    input.automatic
      ? "The outgoing transfer was matched to the refund automatically"
      : "The outgoing transfer was matched to the refund by hand",
    { outgoing_transaction_id: tx.id, automatic: input.automatic },
    sharedContext
  )
  return item
}

/**
 * Items for refunds made in Medusa's own payment section (not by the plugin): each refund id once,
 * already recorded (they wait for their outgoing transfer). Returns the ids created.
 */
export async function recordMedusaRefundItems(
  this: BankTransferModuleService,
  input: {
    expectation: {
      id: string
      order_id: string
      currency_code: string
    }
    refunds: { id: string; amount: unknown; created_by?: string | null }[]
  },
  sharedContext: Context
) {
  const manager = sharedContext.transactionManager as any
  const created: string[] = []
  const transactionId = input.refunds.length
    ? await lastPayingTransaction(manager, input.expectation.id)
    : null
  for (const r of input.refunds) {
    const id = await insertReturnItem(manager, {
      cause: "medusa_refund",
      cause_key: `medusa_refund:${r.id}`,
      order_id: input.expectation.order_id,
      expectation_id: input.expectation.id,
      transaction_id: transactionId,
      amount: r.amount as any,
      currency_code: input.expectation.currency_code,
      state: "refund_recorded",
      medusa_amount: r.amount as any,
      refund_ids: [r.id],
      refund_recorded_at: new Date(),
      decided_by: r.created_by ? `admin:${r.created_by}` : "admin",
    })
    if (id) {
      created.push(id)
    }
  }
  return created
}
