import { generateEntityId } from "@medusajs/framework/utils"
import type { SqlManager } from "./bank-transaction"

export type WebhookOutcome =
  | { channel: string; ok: true; at: Date }
  | { channel: string; ok: false; at: Date; error: string }

/**
 * Records one delivery's outcome on its channel's row, in one statement (concurrent deliveries
 * race on the same row: the upsert keeps the latest time of each kind).
 */
export async function recordWebhookOutcome(
  manager: SqlManager,
  outcome: WebhookOutcome
) {
  const id = generateEntityId(undefined, "btwhs")
  if (outcome.ok) {
    await manager.execute(
      `INSERT INTO bank_transfer_webhook_channel_status (id, channel, last_delivery_at)
       VALUES (?, ?, ?)
       ON CONFLICT (channel) WHERE deleted_at IS NULL DO UPDATE
         SET last_delivery_at = GREATEST(bank_transfer_webhook_channel_status.last_delivery_at, EXCLUDED.last_delivery_at),
             updated_at = now()`,
      [id, outcome.channel, outcome.at]
    )
    return
  }
  await manager.execute(
    `INSERT INTO bank_transfer_webhook_channel_status (id, channel, last_error_at, last_error)
     VALUES (?, ?, ?, ?)
     ON CONFLICT (channel) WHERE deleted_at IS NULL DO UPDATE
       SET last_error_at = EXCLUDED.last_error_at,
           last_error = EXCLUDED.last_error,
           updated_at = now()
       WHERE bank_transfer_webhook_channel_status.last_error_at IS NULL
          OR bank_transfer_webhook_channel_status.last_error_at <= EXCLUDED.last_error_at`,
    [id, outcome.channel, outcome.at, outcome.error.slice(0, 500)]
  )
}

export type WebhookChannelStatusRow = {
  channel: string
  last_delivery_at: Date | null
  last_error_at: Date | null
  last_error: string | null
}

/** Every channel's last delivery and last refused one (channels never heard from have no row). */
export async function listWebhookChannelStatuses(
  manager: SqlManager
): Promise<WebhookChannelStatusRow[]> {
  return manager.execute(
    `SELECT channel, last_delivery_at, last_error_at, last_error
       FROM bank_transfer_webhook_channel_status
      WHERE deleted_at IS NULL
      ORDER BY channel`
  )
}
