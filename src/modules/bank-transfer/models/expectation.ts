import { model } from "@medusajs/framework/utils"
import { Allocation } from "./allocation"
import { PaymentConfirmation } from "./payment-confirmation"
import { Suggestion } from "./suggestion"
import { EXPECTATION_STATUSES } from "../state-machine"

export { EXPECTATION_STATUSES }

/** What one order still expects to receive by bank transfer. */
export const Expectation = model
  .define(
    { name: "Expectation", tableName: "bank_transfer_expectation" },
    {
      id: model.id({ prefix: "btexp" }).primaryKey(),
      order_id: model.text(),
      order_number: model.text(),
      payment_collection_id: model.text().nullable(),
      customer_id: model.text().nullable(),
      email: model.text().nullable(),
      // The buyer's name as given at checkout (billing address, else the customer), and the same
      // normalised (no diacritics, upper case): compared with the payer's name, searched by hand.
      customer_name: model.text().nullable(),
      customer_name_key: model.text().nullable(),
      reference: model.text(),
      memo: model.text(),
      currency_code: model.text(),
      amount_due: model.bigNumber(),
      amount_received: model.bigNumber().default(0),
      // Kept alongside due/received so that candidates can be found by amount through an index.
      amount_remaining: model.bigNumber(),
      surplus: model.bigNumber().default(0),
      // Captures and refunds made in Medusa's own admin (not by the plugin), as last accounted.
      captured_in_medusa: model.bigNumber().default(0),
      amount_refunded: model.bigNumber().default(0),
      // What the merchant owes the shopper back by transfer (refunds, money for a cancelled order).
      amount_to_return: model.bigNumber().default(0),
      // Why the order needs attention (Medusa's error), while status is needs_attention.
      attention_reason: model.text().nullable(),
      tax_code: model.text().nullable(),
      phone: model.text().nullable(),
      company_name: model.text().nullable(),
      company_key: model.text().nullable(),
      company_token: model.text().nullable(),
      status: model
        .enum([...EXPECTATION_STATUSES])
        .default("awaiting_transfer"),
      policy: model.text().default("physical"),
      placed_at: model.dateTime(),
      due_at: model.dateTime().nullable(),
      next_step: model.text().nullable(),
      next_step_at: model.dateTime().nullable(),
      steps_done: model.json().default({} as Record<string, unknown>),
      account: model.json(),
      paid_at: model.dateTime().nullable(),
      // Unguessable: the payment page link in every message. Knowing it shows only what payment needs.
      page_token: model.text(),
      metadata: model.json().nullable(),
      allocations: model.hasMany(() => Allocation, { mappedBy: "expectation" }),
      suggestions: model.hasMany(() => Suggestion, { mappedBy: "expectation" }),
      confirmations: model.hasMany(() => PaymentConfirmation, {
        mappedBy: "expectation",
      }),
    }
  )
  .indexes([
    { on: ["order_id"], unique: true },
    { on: ["reference"], unique: true },
    { on: ["page_token"], unique: true },
    { on: ["order_number"] },
    { on: ["tax_code"], where: "tax_code IS NOT NULL" },
    { on: ["phone"], where: "phone IS NOT NULL" },
    { on: ["company_token"], where: "company_token IS NOT NULL" },
    { on: ["customer_id"], where: "customer_id IS NOT NULL" },
    { on: ["customer_name_key"], where: "customer_name_key IS NOT NULL" },
    { on: ["currency_code", "amount_remaining", "status"] },
    { on: ["next_step_at"], where: "next_step_at IS NOT NULL" },
  ])
