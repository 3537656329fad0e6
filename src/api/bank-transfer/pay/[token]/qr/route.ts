import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { buildInstructions } from "../../../../../lib/expect/instructions"
import { renderQrPng } from "../../../../../lib/expect/qr-image"
import { expectationForToken } from "../page-expectation"

/**
 * GET /bank-transfer/pay/:token/qr — the VietQR code of what is still owed, as an SVG image
 * (`image/svg+xml`), for an `<img>` on a storefront's order page (`qr_image_url` in the payment's
 * data). `?format=png` answers a PNG download instead (the payment page's "Save QR code"). Other
 * query parameters (the page adds the amount, so that a changed amount loads a new image) are
 * ignored: the code is always for the amount owed now. 404 for a wrong token, and when no VietQR
 * applies (paid, not VND, no NAPAS BIN).
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
  res.setHeader("Cache-Control", "no-store")
  res.setHeader("Referrer-Policy", "no-referrer")
  res.setHeader("X-Content-Type-Options", "nosniff")
  if (req.query.format === "png") {
    const name = `vietqr-${instructions.order_number}.png`.replace(
      /[^\w.-]/g,
      "_"
    )
    res.setHeader("Content-Type", "image/png")
    res.setHeader("Content-Disposition", `attachment; filename="${name}"`)
    res.send(await renderQrPng(instructions.qr.payload))
    return
  }
  res.setHeader("Content-Type", "image/svg+xml")
  res.send(instructions.qr.svg)
}
