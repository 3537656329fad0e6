import { model } from "@medusajs/framework/utils"

/** Why money is owed back to a payer. */
export const RETURN_CAUSES = [
  "surplus",
  "cancelled_order",
  "marked_for_return",
  "medusa_refund",
] as const

/**
 * open → refund_recorded (the accountant recorded the refund) → closed (the outgoing transfer was
 * seen); open → kept_for_customer; open → withdrawn (its cause was undone, e.g. the allocation).
 */
export const RETURN_STATES = [
  "open",
  "refund_recorded",
  "closed",
  "kept_for_customer",
  "withdrawn",
] as const

/**
 * Money to give back (or keep for the customer): one row per cause, `cause_key` unique, so that a
 * repeated run never creates a second item for the same money.
 */
export const MoneyReturn = model
  .define(
    { name: "MoneyReturn", tableName: "bank_transfer_return_item" },
    {
      id: model.id({ prefix: "btret" }).primaryKey(),
      cause: model.enum([...RETURN_CAUSES]),
      // surplus:<allocation id>, cancelled_order:<expectation id>, marked_for_return:<transaction id>,
      // medusa_refund:<Medusa refund id>.
      cause_key: model.text(),
      order_id: model.text().nullable(),
      expectation_id: model.text().nullable(),
      // The incoming money this is part of (the payer's account comes from it).
      transaction_id: model.text().nullable(),
      allocation_id: model.text().nullable(),
      amount: model.bigNumber(),
      currency_code: model.text(),
      payer_name: model.text().nullable(),
      payer_account: model.text().nullable(),
      payer_bank_bin: model.text().nullable(),
      state: model.enum([...RETURN_STATES]).default("open"),
      // Of `amount`: what went back through a Medusa refund, and what the plugin alone recorded.
      medusa_amount: model.bigNumber().default(0),
      plugin_amount: model.bigNumber().default(0),
      refund_ids: model
        .json()
        .default([] as unknown as Record<string, unknown>),
      refund_reason_id: model.text().nullable(),
      note: model.text().nullable(),
      refund_recorded_at: model.dateTime().nullable(),
      outgoing_transaction_id: model.text().nullable(),
      closed_at: model.dateTime().nullable(),
      decided_by: model.text().nullable(),
      decided_at: model.dateTime().nullable(),
    }
  )
  .indexes([
    { on: ["cause_key"], unique: true },
    {
      on: ["outgoing_transaction_id"],
      unique: true,
      where: "outgoing_transaction_id IS NOT NULL",
    },
    { on: ["state", "currency_code", "amount"] },
    { on: ["order_id"], where: "order_id IS NOT NULL" },
    { on: ["transaction_id"], where: "transaction_id IS NOT NULL" },
  ])
