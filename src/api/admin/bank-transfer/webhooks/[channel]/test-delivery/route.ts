import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { bankTransferModule } from "../../../helpers"
import { testDelivery } from "../../../../../../lib/ingest/webhooks/sample-delivery"

const CHANNELS = ["sepay", "casso", "payos", "generic"]
const TIMEOUT_MS = 5_000

/**
 * POST /admin/bank-transfer/webhooks/:channel/test-delivery — signs a test delivery with the
 * configured secret and sends it to this shop's webhook route at its configured public address
 * (`public_url`, else MEDUSA_BACKEND_URL), never to an address taken from the request (its Host
 * header is ignored): proves that the address banks call and the secret work. No secret is sent
 * (deliveries are signed) or returned.
 *
 * Answer: `{ channel, url, status, body }` — the full URL called, the status and JSON body the
 * webhook route answered.
 *
 * Errors: an unknown channel → 404; SePay configured with an API key only → 400 (testing it would
 * send the key itself; configure an HMAC secret, or check SePay's own delivery log); the public
 * address unreachable, refusing or too slow (5 s) → 424 with the reason. Redirects are not followed.
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
  const options = await bankTransferModule(req).loadOptions()
  const sepay = options.webhooks.sepay
  if (channel === "sepay" && !sepay?.hmac_secret) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "SePay is configured with an API key only: a test delivery would have to send the key itself, so none is sent. Configure an HMAC secret (webhooks.sepay.hmac_secret) to test it here, or use SePay's own test and delivery log"
    )
  }
  const delivery = testDelivery(channel, options)
  const url = `${options.public_url.replace(/\/+$/, "")}${delivery.url}`
  let response: Response
  try {
    response = await fetch(url, {
      method: "POST",
      headers: delivery.headers,
      body: delivery.body,
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
  } catch (e) {
    const cause = (e as { cause?: any })?.cause
    const reason =
      (e as Error)?.name === "TimeoutError"
        ? `no answer in ${TIMEOUT_MS / 1000} s`
        : (cause?.code ??
          cause?.errors?.[0]?.code ??
          cause?.message ??
          "unreachable")
    res.status(424).json({
      type: "unreachable",
      message: `The shop's public address ${options.public_url} could not be reached (${reason}): set public_url (or MEDUSA_BACKEND_URL) to the address banks call`,
    })
    return
  }
  res.json({
    channel,
    url,
    status: response.status,
    body: await response.json().catch(() => null),
  })
}
