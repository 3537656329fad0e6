import { model } from "@medusajs/framework/utils"

/** A saved CSV/XLSX column mapping for one bank's export. */
export const ColumnMapping = model
  .define(
    { name: "ColumnMapping", tableName: "bank_transfer_column_mapping" },
    {
      id: model.id({ prefix: "btmap" }).primaryKey(),
      name: model.text(),
      bank_code: model.text().nullable(),
      mapping: model.json(),
    }
  )
  .indexes([{ on: ["name"], unique: true }])
