import { model } from "@medusajs/framework/utils"
import { BankTransaction } from "./bank-transaction"
import { Expectation } from "./expectation"

/** A likely but uncertain (transaction, expectation) pair, waiting for an accountant. */
export const Suggestion = model
  .define(
    { name: "Suggestion", tableName: "bank_transfer_suggestion" },
    {
      id: model.id({ prefix: "btsug" }).primaryKey(),
      transaction: model.belongsTo(() => BankTransaction, {
        mappedBy: "suggestions",
      }),
      expectation: model.belongsTo(() => Expectation, {
        mappedBy: "suggestions",
      }),
      score: model.number(),
      reasons: model.json(),
      status: model
        .enum(["pending", "confirmed", "rejected", "superseded"])
        .default("pending"),
      decided_by: model.text().nullable(),
      decided_at: model.dateTime().nullable(),
      // Why it was decided without an accountant, e.g. "order_paid" when superseded.
      decision_reason: model.text().nullable(),
    }
  )
  .indexes([
    { on: ["transaction_id", "expectation_id"], unique: true },
    { on: ["expectation_id", "status"] },
    { on: ["status"] },
  ])
