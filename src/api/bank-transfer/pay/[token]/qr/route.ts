import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { buildInstructions } from "../../../../../lib/expect/instructions"
import { expectationForToken } from "../page-expectation"

/**
 * GET /bank-transfer/pay/:token/qr — the VietQR code of what is still owed, as an SVG image
 * (`image/svg+xml`), for an `<img>` on a storefront's order page (`qr_image_url` in the payment's
 * data). 404 for a wrong token, and when no VietQR applies (paid, not VND, no NAPAS BIN).
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { service, expectation } = await expectationForToken(req)
  const instructions =
    service && expectation
      ? await buildInstructions(expectation as any, await service.loadOptions())
      : null
  if (!instructions?.qr?.svg) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      "No QR code for this payment link"
    )
  }
  res.setHeader("Content-Type", "image/svg+xml")
  res.setHeader("Cache-Control", "no-store")
  res.setHeader("Referrer-Policy", "no-referrer")
  res.send(instructions.qr.svg)
}
