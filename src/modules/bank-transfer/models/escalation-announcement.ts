import { model } from "@medusajs/framework/utils"

/**
 * The outbox of the escalation job: one row per committed batch of escalation steps, written in
 * the same database transaction as the steps, telling which shoppers are still to be told and
 * which per-order events are still to be emitted. The job stays fast (it only claims), the
 * messages are sent off its path (the announce-escalations subscriber), and a crash anywhere
 * between the two loses nothing: a row not deleted is announced again once its lease ends, with
 * the same idempotency keys. `items`: `[{ expectation_id, order_id, step, to_status }]`.
 */
export const EscalationAnnouncement = model
  .define(
    {
      name: "EscalationAnnouncement",
      tableName: "bank_transfer_escalation_announcement",
    },
    {
      id: model.id({ prefix: "btann" }).primaryKey(),
      items: model.json(),
      /** The escalation run's time (its `now`). */
      run_at: model.dateTime(),
      /** Times an announcer took it; past the limit it is left for a person (logged). */
      attempts: model.number().default(0),
      /** Until then the announcer that took it owns it; after, another may take it again. */
      leased_until: model.dateTime().nullable(),
    }
  )
  .indexes([{ on: ["leased_until"] }])
