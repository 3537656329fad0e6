import { model } from "@medusajs/framework/utils"

/** Every change, with who made it: the timeline on the order page. */
export const AuditEvent = model
  .define(
    { name: "AuditEvent", tableName: "bank_transfer_audit_event" },
    {
      id: model.id({ prefix: "btaud" }).primaryKey(),
      expectation_id: model.text().nullable(),
      transaction_id: model.text().nullable(),
      action: model.text(),
      // system | webhook | import | admin | shopper
      actor_type: model.text(),
      actor_id: model.text().nullable(),
      message: model.text().nullable(),
      data: model.json().nullable(),
    }
  )
  .indexes([{ on: ["expectation_id"] }, { on: ["transaction_id"] }])
