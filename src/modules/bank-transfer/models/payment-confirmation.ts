import { model } from "@medusajs/framework/utils"
import { Expectation } from "./expectation"

/** The shopper's "I have paid": what they say they sent, and proof files kept by Medusa's File Module. */
export const PaymentConfirmation = model
  .define(
    {
      name: "PaymentConfirmation",
      tableName: "bank_transfer_payment_confirmation",
    },
    {
      id: model.id({ prefix: "btconf" }).primaryKey(),
      expectation: model.belongsTo(() => Expectation, {
        mappedBy: "confirmations",
      }),
      message: model.text().nullable(),
      paid_on: model.text().nullable(),
      amount: model.bigNumber().nullable(),
      // [{ id, url, filename, mime_type, size }]
      files: model.json().default([] as unknown as Record<string, unknown>),
      channel: model.text(),
    }
  )
  .indexes([{ on: ["expectation_id"] }])
