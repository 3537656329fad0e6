import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { handleWebhook, notConfigured } from "../handle-webhook"
import { parseCasso, verifyCasso } from "../../../../lib/ingest/webhooks/casso"
import {
  parseCassoV1,
  verifyCassoV1,
} from "../../../../lib/ingest/webhooks/casso-v1"

const header = (r: MedusaRequest, name: string) => {
  const v = r.headers[name]
  return Array.isArray(v) ? v[0] : v
}

/**
 * POST /hooks/bank-transfer/casso — Casso's webhook v2 (`X-Casso-Signature`) or v1 (`secure-token`
 * header, body `{ error, data: [ … ] }`), both checked against `webhooks.casso.secret`.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  await handleWebhook(req, res, {
    source: "casso",
    verify: (r, _raw, options) => {
      const secret = options.webhooks.casso?.secret ?? notConfigured("Casso")
      const v2 = header(r, "x-casso-signature")
      if (!v2 && header(r, "secure-token") !== undefined) {
        verifyCassoV1(header(r, "secure-token"), secret)
        return
      }
      // v2 signs the parsed body as Casso serialises it (key-sorted JSON).
      verifyCasso(v2, r.body, secret)
    },
    parse: (body, r) =>
      header(r, "x-casso-signature") ? parseCasso(body) : parseCassoV1(body),
    reply: (result) => ({ success: true, ...result }),
  })
}
