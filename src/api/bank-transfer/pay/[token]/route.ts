import crypto from "node:crypto"
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { calendarSettingsFor } from "../../../../lib/escalate/calendar/for-currency"
import { buildInstructions } from "../../../../lib/expect/instructions"
import {
  pageCsp,
  renderNotFound,
  renderPaymentPage,
} from "../../../../lib/expect/payment-page/render"
import { pickLang } from "../../../../lib/expect/payment-page/texts"
import { expectationForToken } from "./page-expectation"

/** GET /bank-transfer/pay/:token — the hosted payment page linked from every message. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const lang = pickLang(req.query.lang, req.headers["accept-language"])
  const nonce = crypto.randomBytes(16).toString("base64")
  res.setHeader("Content-Type", "text/html; charset=utf-8")
  res.setHeader("Referrer-Policy", "no-referrer")
  res.setHeader("Cache-Control", "no-store")
  res.setHeader("X-Content-Type-Options", "nosniff")
  res.setHeader("Content-Security-Policy", pageCsp(nonce))
  const { service, expectation } = await expectationForToken(req)
  if (!service || !expectation) {
    res.status(404).send(renderNotFound(lang))
    return
  }
  const options = await service.loadOptions()
  const instructions = await buildInstructions(expectation as any, options, {
    image: false,
    lang,
  })
  res.send(
    renderPaymentPage(instructions, lang, {
      token: expectation.page_token,
      timeZone: calendarSettingsFor(options, expectation.currency_code)
        .time_zone,
      storefrontUrl: options.storefront_url ?? null,
      nonce,
    })
  )
}
