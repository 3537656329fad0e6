import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { buildInstructions } from "../../../../lib/expect/instructions"
import {
  renderNotFound,
  renderPaymentPage,
} from "../../../../lib/expect/payment-page/render"
import { pickLang } from "../../../../lib/expect/payment-page/texts"
import { expectationForToken } from "./page-expectation"

/** GET /bank-transfer/pay/:token — the hosted payment page linked from every message. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const lang = pickLang(req.query.lang, req.headers["accept-language"])
  res.setHeader("Content-Type", "text/html; charset=utf-8")
  res.setHeader("Referrer-Policy", "no-referrer")
  res.setHeader("Cache-Control", "no-store")
  const { service, expectation } = await expectationForToken(req)
  if (!service || !expectation) {
    res.status(404).send(renderNotFound(lang))
    return
  }
  const instructions = await buildInstructions(
    expectation as any,
    await service.loadOptions()
  )
  res.send(renderPaymentPage(instructions, lang, expectation.page_token))
}
