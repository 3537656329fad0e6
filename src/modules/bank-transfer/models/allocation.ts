import { model } from "@medusajs/framework/utils"
import { BankTransaction } from "./bank-transaction"
import { Expectation } from "./expectation"

/** An amount of one bank transaction applied to one expectation. Undone allocations stay, reversed. */
export const Allocation = model
  .define(
    { name: "Allocation", tableName: "bank_transfer_allocation" },
    {
      id: model.id({ prefix: "btalloc" }).primaryKey(),
      transaction: model.belongsTo(() => BankTransaction, {
        mappedBy: "allocations",
      }),
      expectation: model.belongsTo(() => Expectation, {
        mappedBy: "allocations",
      }),
      amount: model.bigNumber(),
      created_by: model.text(),
      reversed_at: model.dateTime().nullable(),
      reversed_by: model.text().nullable(),
    }
  )
  .indexes([{ on: ["transaction_id"] }, { on: ["expectation_id"] }])
