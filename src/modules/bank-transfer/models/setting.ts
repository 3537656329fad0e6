import { model } from "@medusajs/framework/utils"

/**
 * Settings an admin changes at run time (tolerances, policies, reference prefix…), layered over
 * the plugin options from medusa-config.ts. One row per key.
 */
export const Setting = model
  .define(
    { name: "Setting", tableName: "bank_transfer_setting" },
    {
      id: model.id({ prefix: "btset" }).primaryKey(),
      key: model.text(),
      value: model.json(),
      updated_by: model.text().nullable(),
    }
  )
  .indexes([{ on: ["key"], unique: true }])
