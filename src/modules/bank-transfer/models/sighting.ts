import { model } from "@medusajs/framework/utils"
import { BankTransaction } from "./bank-transaction"

/**
 * How a sighting relates to the movements already recorded (see src/lib/ingest/identity.ts):
 * - `new_movement`: the first report of a movement; it created the transaction;
 * - `same_movement`: another report of a recorded movement (another channel, another statement);
 *   nothing is applied again;
 * - `possible_duplicate`: not told apart from a recorded movement; held, not applied, until an
 *   accountant says "same transfer" (→ same_movement) or "different transfers" (→ new_movement).
 */
export const SIGHTING_STATUSES = [
  "new_movement",
  "same_movement",
  "possible_duplicate",
] as const

/**
 * One report of a bank movement: a webhook delivery or a statement line, kept as it came (raw
 * payload, source, file and place in it). A movement (bank_transfer_transaction) may be seen
 * several times; its money is applied once, to the movement.
 */
export const Sighting = model
  .define(
    { name: "Sighting", tableName: "bank_transfer_sighting" },
    {
      id: model.id({ prefix: "btsig" }).primaryKey(),
      /** The movement; null while held as a possible duplicate. */
      transaction: model
        .belongsTo(() => BankTransaction, { mappedBy: "sightings" })
        .nullable(),
      /** The movement a held sighting may duplicate. */
      candidate_transaction_id: model.text().nullable(),
      status: model.enum([...SIGHTING_STATUSES]),
      /** Why it was paired: shared_key, key_in_memo, memo, same_day_amount (see identity.ts). */
      basis: model.text().nullable(),
      /** sepay, casso, generic, simulation, statement. */
      source: model.text(),
      /** Who reported it: the webhook channel, or `statement:<import id>` for one statement file. */
      channel: model.text(),
      external_id: model.text().nullable(),
      /** The channel's own identity of this report (a repeated delivery has the same key): unique. */
      dedupe_key: model.text(),
      account: model.text().nullable(),
      booked_at: model.dateTime(),
      amount: model.bigNumber(),
      currency_code: model.text(),
      direction: model.enum(["in", "out"]),
      memo: model.text().default(""),
      counterparty_name: model.text().nullable(),
      counterparty_account: model.text().nullable(),
      /** Bank-issued keys of the movement (SePay referenceCode, camt AcctSvcrRef, MT940 bank reference, OFX FITID…). */
      bank_references: model.json().nullable(),
      /** The payer's own reference (camt EndToEndId, MT940 customer reference, OFX REFNUM). */
      payer_reference: model.text().nullable(),
      raw: model.json().nullable(),
      import_id: model.text().nullable(),
      /** Its place in its statement file ("row 12", "Stmt[1]/Ntry[3]/NtryDtls/TxDtls[2]"). */
      line: model.text().nullable(),
      resolved_by: model.text().nullable(),
      resolved_at: model.dateTime().nullable(),
    }
  )
  .indexes([
    { on: ["dedupe_key"], unique: true },
    { on: ["transaction_id"] },
    { on: ["import_id"] },
    { on: ["status"], where: "status = 'possible_duplicate'" },
  ])
