import { model } from "@medusajs/framework/utils"
import { Allocation } from "./allocation"
import { Sighting } from "./sighting"
import { Suggestion } from "./suggestion"

export const TRANSACTION_STATUSES = [
  "unmatched",
  "matched",
  "suggested",
  "partially_applied",
  "ignored",
  "returned",
] as const

/**
 * One line of money in or out, from any channel. Append-only: the bank's facts (amount, memo,
 * raw payload) never change; only the reconciliation status and the allocated sum move.
 */
export const BankTransaction = model
  .define(
    { name: "BankTransaction", tableName: "bank_transfer_transaction" },
    {
      id: model.id({ prefix: "bttx" }).primaryKey(),
      source: model.text(),
      external_id: model.text().nullable(),
      // The source's own id, or the content fingerprint when the source has none: unique.
      dedupe_key: model.text(),
      fingerprint: model.text(),
      account: model.text().nullable(),
      booked_at: model.dateTime(),
      amount: model.bigNumber(),
      currency_code: model.text(),
      direction: model.enum(["in", "out"]),
      memo: model.text().default(""),
      counterparty_name: model.text().nullable(),
      counterparty_account: model.text().nullable(),
      raw: model.json().nullable(),
      status: model.enum([...TRANSACTION_STATUSES]).default("unmatched"),
      amount_allocated: model.bigNumber().default(0),
      import_id: model.text().nullable(),
      // Set once the matcher has looked at it; a sweep job retries rows a crash left unset.
      reconciled_at: model.dateTime().nullable(),
      // Matching runs that failed with an error, the last error, and when the retries stopped: a
      // transaction whose matching keeps failing waits for an accountant instead of being retried forever.
      match_attempts: model.number().default(0),
      match_error: model.text().nullable(),
      needs_attention_at: model.dateTime().nullable(),
      allocations: model.hasMany(() => Allocation, { mappedBy: "transaction" }),
      suggestions: model.hasMany(() => Suggestion, { mappedBy: "transaction" }),
      sightings: model.hasMany(() => Sighting, { mappedBy: "transaction" }),
    }
  )
  .indexes([
    { on: ["dedupe_key"], unique: true },
    { on: ["fingerprint"] },
    { on: ["status", "booked_at"] },
    { on: ["booked_at"] },
    // The identity look-up: movements of one amount booked within days (bank_transfer_record_state).
    { on: ["amount", "booked_at"] },
    { on: ["created_at"], where: "reconciled_at IS NULL" },
  ])
