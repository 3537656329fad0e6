import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { handleWebhook, notConfigured } from "../handle-webhook"
import { parseCasso, verifyCasso } from "../../../../lib/ingest/webhooks/casso"

/** POST /hooks/bank-transfer/casso — Casso's webhook v2. */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  await handleWebhook(req, res, {
    source: "casso",
    verify: (r, _raw, options) => {
      const secret = options.webhooks.casso?.secret ?? notConfigured("Casso")
      verifyCasso(
        r.headers["x-casso-signature"] as string | undefined,
        r.body,
        secret
      )
    },
    parse: parseCasso,
    reply: (result) => ({ success: true, ...result }),
  })
}
