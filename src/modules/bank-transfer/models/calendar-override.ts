import { model } from "@medusajs/framework/utils"

/**
 * A merchant's correction to the business-day calendar: an extra day off (the second National Day
 * day, compensatory days, the yearly Tết decision) or a working day that would otherwise be off.
 */
export const CalendarOverride = model
  .define(
    { name: "CalendarOverride", tableName: "bank_transfer_calendar_override" },
    {
      id: model.id({ prefix: "btcal" }).primaryKey(),
      date: model.text(),
      kind: model.enum(["day_off", "working_day"]),
      name: model.text().nullable(),
      created_by: model.text().nullable(),
    }
  )
  .indexes([{ on: ["date"], unique: true }])
