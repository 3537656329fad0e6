import { model } from "@medusajs/framework/utils"

/** "Not this transaction": the pair is never suggested or applied automatically again. */
export const RejectedPair = model
  .define(
    { name: "RejectedPair", tableName: "bank_transfer_rejected_pair" },
    {
      id: model.id({ prefix: "btrej" }).primaryKey(),
      transaction_id: model.text(),
      expectation_id: model.text(),
      rejected_by: model.text(),
    }
  )
  .indexes([{ on: ["transaction_id", "expectation_id"], unique: true }])
