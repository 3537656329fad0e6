import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { RuntimeSettings } from "../../../../lib/options"
import type { SettingsResponse } from "../../../../types/http"
import { bankTransferModule } from "../helpers"
import { updateSettingsWorkflow } from "../../../../workflows/settings/update-settings"
import type BankTransferModuleService from "../../../../modules/bank-transfer/service"

/** Shows the last four characters of a secret, never the secret. */
const hint = (secret?: string) => (secret ? `••••${secret.slice(-4)}` : null)

async function view(
  service: BankTransferModuleService
): Promise<SettingsResponse> {
  const o = await service.loadOptions()
  const overrides = await service.listCalendarOverrides(
    {},
    { order: { date: "ASC" } }
  )
  const statuses = await service.webhookChannelStatuses()
  const iso = (d: Date | string | null | undefined) =>
    d ? new Date(d).toISOString() : null
  /** Whether the channel is receiving: its last delivery and last refused one. */
  const status = (channel: string) => {
    const s = statuses.find((x) => x.channel === channel)
    return {
      last_delivery_at: iso(s?.last_delivery_at),
      last_error_at: iso(s?.last_error_at),
      last_error: s?.last_error ?? null,
    }
  }
  return {
    settings: {
      accounts: o.accounts,
      reference_prefix: o.reference_prefix,
      instructions: o.instructions,
      qr: o.qr,
      tolerances: o.tolerances,
      write_off: o.write_off,
      allow_automatic_partials: o.allow_automatic_partials,
      block_unpaid_fulfillment: o.block_unpaid_fulfillment,
      amount_only_window_days: o.amount_only_window_days,
      policies: o.policies,
      calendar: o.calendar,
    },
    webhooks: [
      {
        channel: "sepay",
        url: "/hooks/bank-transfer/sepay",
        ...status("sepay"),
        configured: !!(
          o.webhooks.sepay?.api_key || o.webhooks.sepay?.hmac_secret
        ),
        secret_hint: hint(
          o.webhooks.sepay?.hmac_secret ?? o.webhooks.sepay?.api_key
        ),
      },
      {
        channel: "casso",
        url: "/hooks/bank-transfer/casso",
        ...status("casso"),
        configured: !!o.webhooks.casso,
        secret_hint: hint(o.webhooks.casso?.secret),
      },
      {
        channel: "payos",
        url: "/hooks/bank-transfer/payos",
        ...status("payos"),
        configured: !!o.webhooks.payos,
        secret_hint: hint(o.webhooks.payos?.checksum_key),
      },
      {
        channel: "generic",
        url: "/hooks/bank-transfer/generic",
        ...status("generic"),
        configured: !!o.webhooks.generic,
        secret_hint: hint(o.webhooks.generic?.secret),
      },
    ],
    overrides,
  }
}

/** GET /admin/bank-transfer/settings — options in force (secrets masked), webhooks, calendar overrides. */
export async function GET(
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<SettingsResponse>
) {
  res.json(await view(bankTransferModule(req)))
}

/**
 * POST /admin/bank-transfer/settings — change run-time settings; they override medusa-config.ts
 * everywhere the plugin reads its options (matcher, allocation, escalations, payment page, admin).
 *
 * Body (all keys optional, validated by `runtimeSettingsSchema` in src/lib/options.ts; unknown keys
 * → 400):
 * - `tolerances`: `{ [currency]: { type: "fixed", amount: "50000" } | { type: "percent", percent: 2 } }`
 * - `write_off`: `{ [currency]: "10000" }`, decimal strings in the currency's major unit; the map
 *   replaces the whole option, so a currency left out has no write-off (`{}`: none at all)
 * - `allow_automatic_partials`, `block_unpaid_fulfillment`: booleans
 * - `policies`: `{ [name]: { confirmation_after: [2, 4], tentative_cancel_after: 5, final_cancel_after: null } }`
 * - `instructions`: text shown to the shopper, 1-2000 characters
 *
 * A key left out is not changed; a key sent as `null` deletes the saved value, so the option from
 * medusa-config.ts (or its default) applies again. Takes effect at once on the instance that saved
 * it, within a minute on the others. Answers the same view as GET; 400 for an invalid body.
 */
export async function POST(
  req: AuthenticatedMedusaRequest<RuntimeSettings>,
  res: MedusaResponse<SettingsResponse>
) {
  await updateSettingsWorkflow(req.scope).run({
    input: {
      settings: req.validatedBody,
      actor_id: req.auth_context?.actor_id ?? null,
    },
  })
  res.json(await view(bankTransferModule(req)))
}
