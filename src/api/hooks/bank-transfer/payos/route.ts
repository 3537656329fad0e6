import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { handleWebhook, notConfigured } from "../handle-webhook"
import { parsePayos, verifyPayos } from "../../../../lib/ingest/webhooks/payos"

/** POST /hooks/bank-transfer/payos — payOS's payment webhook (signature over the sorted `data`). */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  await handleWebhook(req, res, {
    source: "payos",
    verify: (_r, _raw, options, body) => {
      const config = options.webhooks.payos ?? notConfigured("payOS")
      verifyPayos(body, config)
    },
    parse: parsePayos,
    // payOS expects HTTP 2xx; it also checks the URL with a delivery when it is registered.
    reply: (result) => ({
      code: "00",
      desc: "success",
      success: true,
      ...result,
    }),
  })
}
