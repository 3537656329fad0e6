import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { handleWebhook, notConfigured } from "../handle-webhook"
import { parseSepay, verifySepay } from "../../../../lib/ingest/webhooks/sepay"

/** POST /hooks/bank-transfer/sepay — SePay's transaction webhook. */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  await handleWebhook(req, res, {
    source: "sepay",
    verify: (r, raw, options) => {
      const config = options.webhooks.sepay
      if (!config?.api_key && !config?.hmac_secret) {
        notConfigured("SePay")
      }
      verifySepay(r.headers, raw, config!)
    },
    parse: parseSepay,
    // SePay retries until it reads {"success": true}.
    reply: () => ({ success: true }),
  })
}
