import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { bankTransferModule } from "../../../helpers"
import { testDelivery } from "../../../../../../lib/ingest/webhooks/sample-delivery"

const CHANNELS = ["sepay", "casso", "payos", "generic"]

/**
 * POST /admin/bank-transfer/webhooks/:channel/test-delivery — signs a test delivery with the configured
 * secret and sends it to this server's own webhook route: proves the endpoint and the secret work.
 */
export async function POST(
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) {
  const channel = req.params.channel
  if (!CHANNELS.includes(channel)) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Unknown webhook channel "${channel}" (sepay, casso, payos or generic)`
    )
  }
  const delivery = testDelivery(
    channel,
    await bankTransferModule(req).loadOptions()
  )
  const response = await fetch(
    `${req.protocol}://${req.get("host")}${delivery.url}`,
    {
      method: "POST",
      headers: delivery.headers,
      body: delivery.body,
    }
  )
  res.json({
    channel,
    url: delivery.url,
    status: response.status,
    body: await response.json().catch(() => null),
  })
}
