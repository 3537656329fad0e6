import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { handleWebhook, notConfigured } from "../handle-webhook"
import {
  parseGeneric,
  verifyGeneric,
} from "../../../../lib/ingest/webhooks/generic"

/** POST /hooks/bank-transfer/generic — the signed JSON format for any other bank (see README). */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  await handleWebhook(req, res, {
    source: "generic",
    verify: (r, raw, options) => {
      const secret =
        options.webhooks.generic?.secret ?? notConfigured("generic")
      verifyGeneric(
        r.headers["x-bank-signature"] as string | undefined,
        raw,
        secret
      )
    },
    parse: parseGeneric,
    reply: (result) => ({ success: true, ...result }),
  })
}
