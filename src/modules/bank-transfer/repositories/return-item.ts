import { generateEntityId, MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import { payerBankBin } from "../../../lib/returns/outgoing"

export type NewReturnItem = {
  cause: "surplus" | "cancelled_order" | "marked_for_return" | "medusa_refund"
  cause_key: string
  order_id?: string | null
  expectation_id?: string | null
  transaction_id?: string | null
  allocation_id?: string | null
  /** Decimal string or BigNumber in `currency_code` (major units). */
  amount: BigNumberInput
  currency_code: string
  state?: "open" | "refund_recorded"
  medusa_amount?: BigNumberInput
  refund_ids?: string[]
  refund_recorded_at?: Date | null
  decided_by?: string | null
}

const raw = (v: BigNumberInput) =>
  JSON.stringify({ value: MathBN.convert(v).toString(), precision: 20 })

/**
 * Inserts one return item unless one exists for its cause (`cause_key` is unique): the payer's
 * name, account and bank come from the incoming transaction. Returns the new id, or null when the
 * cause already had its item. Inside the caller's database transaction.
 */
export async function insertReturnItem(
  manager: any,
  item: NewReturnItem
): Promise<string | null> {
  let payer: any = null
  if (item.transaction_id) {
    ;[payer] = await manager.execute(
      `SELECT counterparty_name, counterparty_account, raw FROM bank_transfer_transaction WHERE id = ?`,
      [item.transaction_id]
    )
  }
  const id = generateEntityId(undefined, "btret")
  const amount = MathBN.convert(item.amount).toString()
  const medusa = MathBN.convert(item.medusa_amount ?? 0).toString()
  const rows = await manager.execute(
    `INSERT INTO bank_transfer_return_item
       (id, cause, cause_key, order_id, expectation_id, transaction_id, allocation_id, amount, raw_amount,
        currency_code, payer_name, payer_account, payer_bank_bin, state, medusa_amount, raw_medusa_amount,
        refund_ids, refund_recorded_at, decided_by, decided_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?)
     ON CONFLICT DO NOTHING RETURNING id`,
    [
      id,
      item.cause,
      item.cause_key,
      item.order_id ?? null,
      item.expectation_id ?? null,
      item.transaction_id ?? null,
      item.allocation_id ?? null,
      amount,
      raw(amount),
      item.currency_code,
      payer?.counterparty_name ?? null,
      payer?.counterparty_account ?? null,
      payer ? payerBankBin(payer.raw) : null,
      item.state ?? "open",
      medusa,
      raw(medusa),
      JSON.stringify(item.refund_ids ?? []),
      item.refund_recorded_at ?? null,
      item.decided_by ?? null,
      item.decided_by ? new Date() : null,
    ]
  )
  return rows[0]?.id ?? null
}

/** Money already owed back for an expectation as surplus (any state but withdrawn). */
export async function surplusItemsSum(manager: any, expectationId: string) {
  const [row] = await manager.execute(
    `SELECT COALESCE(SUM(amount), 0)::text AS total FROM bank_transfer_return_item
      WHERE expectation_id = ? AND cause = 'surplus' AND state <> 'withdrawn' AND deleted_at IS NULL`,
    [expectationId]
  )
  return MathBN.convert(row?.total ?? 0)
}

/** The transaction of the expectation's latest live allocation (whose payer the money goes back to). */
export async function lastPayingTransaction(
  manager: any,
  expectationId: string
): Promise<string | null> {
  const [row] = await manager.execute(
    `SELECT transaction_id FROM bank_transfer_allocation
      WHERE expectation_id = ? AND reversed_at IS NULL AND deleted_at IS NULL
      ORDER BY created_at DESC, id DESC LIMIT 1`,
    [expectationId]
  )
  return row?.transaction_id ?? null
}

/**
 * Open/recorded counts and sums per currency (the desk's "money to return" queue): items still to
 * refund (open) or whose refund waits for its outgoing transfer (refund_recorded).
 */
export async function openReturnFigures(manager: any) {
  const rows: any[] = await manager.execute(
    `SELECT currency_code, COUNT(*)::int AS count, SUM(amount)::text AS amount
       FROM bank_transfer_return_item
      WHERE state IN ('open', 'refund_recorded') AND deleted_at IS NULL
      GROUP BY currency_code ORDER BY currency_code`
  )
  return {
    count: rows.reduce((n, r) => n + r.count, 0),
    amounts: rows.map((r) => ({
      currency_code: r.currency_code,
      count: r.count,
      amount: MathBN.convert(r.amount).toString(),
    })),
  }
}

/**
 * Recorded refunds an outgoing line of this currency and exact amount may pay, with their order's
 * number (for the memo) and the payer's account.
 */
export async function refundsAwaitingTransfer(
  manager: any,
  input: { currency_code: string; amount: BigNumberInput }
) {
  return (await manager.execute(
    `SELECT r.id, r.payer_account, e.order_number
       FROM bank_transfer_return_item r
       LEFT JOIN bank_transfer_expectation e ON e.id = r.expectation_id
      WHERE r.state = 'refund_recorded' AND r.currency_code = ? AND r.amount = ? AND r.deleted_at IS NULL
      ORDER BY r.refund_recorded_at, r.id LIMIT 50`,
    [input.currency_code, MathBN.convert(input.amount).toString()]
  )) as {
    id: string
    payer_account: string | null
    order_number: string | null
  }[]
}

/** One page of return items (newest first), with their order's number; `state` filters. */
export async function listReturnItems(
  manager: any,
  input: { states?: string[]; limit: number; offset: number }
) {
  const where = input.states?.length
    ? `AND r.state IN (${input.states.map(() => "?").join(",")})`
    : ""
  const args = input.states ?? []
  const rows = await manager.execute(
    `SELECT r.*, e.order_number FROM bank_transfer_return_item r
       LEFT JOIN bank_transfer_expectation e ON e.id = r.expectation_id
      WHERE r.deleted_at IS NULL ${where}
      ORDER BY r.created_at DESC, r.id DESC LIMIT ? OFFSET ?`,
    [...args, input.limit, input.offset]
  )
  const [{ count }] = await manager.execute(
    `SELECT COUNT(*)::int AS count FROM bank_transfer_return_item r WHERE r.deleted_at IS NULL ${where}`,
    args
  )
  return { rows, count }
}
