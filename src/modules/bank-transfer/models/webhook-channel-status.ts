import { model } from "@medusajs/framework/utils"

/**
 * Whether each webhook channel is receiving: one row per channel (sepay, casso, payos, generic),
 * updated on every delivery. A refused delivery (bad signature, malformed body) stores nothing
 * else, so this is the only trace of it; a good one is also a sighting, but a repeated delivery
 * or one that reports no money is not, hence its own time here.
 */
export const WebhookChannelStatus = model
  .define(
    {
      name: "WebhookChannelStatus",
      tableName: "bank_transfer_webhook_channel_status",
    },
    {
      id: model.id({ prefix: "btwhs" }).primaryKey(),
      channel: model.text(),
      last_delivery_at: model.dateTime().nullable(),
      last_error_at: model.dateTime().nullable(),
      /** The answer the channel got ("401: Invalid signature"), without anything it sent. */
      last_error: model.text().nullable(),
    }
  )
  .indexes([{ on: ["channel"], unique: true }])
