import { z } from "@medusajs/framework/zod"
import { hmacHex, isFresh, safeEqual, WebhookError } from "./signature"
import { parseVietnamTime } from "./vn-time"
import { idText, invalidPayload, optionalText, wholeAmountText } from "./fields"
import type { IncomingLine } from "./types"

export type SepayConfig = { api_key?: string; hmac_secret?: string }

/**
 * SePay's transaction webhook (https://docs.sepay.vn/tich-hop-webhooks.html): `id` (SePay's id,
 * up to 2^63 − 1, kept as text), `transferType` "in"/"out" in any case, `transferAmount` in VND;
 * the optional fields may be null, empty or absent.
 */
const payloadSchema = z.object({
  id: idText,
  gateway: optionalText(100),
  transactionDate: z.string(),
  accountNumber: optionalText(64),
  subAccount: optionalText(64),
  code: optionalText(100),
  content: optionalText(1000),
  transferType: z
    .string()
    .transform((v) => v.trim().toLowerCase())
    .pipe(z.enum(["in", "out"])),
  transferAmount: wholeAmountText.refine(
    (v) => !v.startsWith("-") && v !== "0",
    "must be positive"
  ),
  accumulated: z.number().nullish(),
  referenceCode: optionalText(100),
  description: optionalText(2000),
})

/**
 * SePay signs with either `Authorization: Apikey <key>` or, in HMAC mode, `X-SePay-Signature`
 * (hex HMAC-SHA256 of "<timestamp>.<raw body>", optionally prefixed "sha256=") with
 * `X-SePay-Timestamp` (unix seconds) within five minutes of now. When `hmac_secret` is configured
 * the signature and its time window are required, even if `api_key` is configured too (a request
 * with the API key alone → 401); the API key is accepted only when no HMAC secret is configured.
 */
export function verifySepay(
  headers: Record<string, string | string[] | undefined>,
  rawBody: Buffer,
  config: SepayConfig,
  now = new Date()
) {
  const header = (name: string) => {
    const v = headers[name]
    return Array.isArray(v) ? v[0] : v
  }
  const signature = header("x-sepay-signature")
  if (config.hmac_secret) {
    // Configured, the signature is required: an API key alone would skip the time window.
    if (!signature) {
      throw new WebhookError(
        401,
        "Missing X-SePay-Signature: this shop requires SePay's HMAC signature"
      )
    }
    const timestamp = header("x-sepay-timestamp")
    if (!isFresh(timestamp, now)) {
      throw new WebhookError(
        401,
        "X-SePay-Timestamp is missing or more than 5 minutes from now"
      )
    }
    const expected = hmacHex(
      "sha256",
      config.hmac_secret,
      `${timestamp}.${rawBody.toString("utf8")}`
    )
    if (!safeEqual(signature.replace(/^sha256=/, "").toLowerCase(), expected)) {
      throw new WebhookError(401, "Invalid X-SePay-Signature")
    }
    return
  }
  const auth = header("authorization") ?? ""
  if (config.api_key && auth.startsWith("Apikey ")) {
    if (!safeEqual(auth.slice("Apikey ".length).trim(), config.api_key)) {
      throw new WebhookError(401, "Invalid API key")
    }
    return
  }
  throw new WebhookError(
    401,
    "Missing SePay authentication (Authorization: Apikey … or X-SePay-Signature)"
  )
}

/**
 * One SePay notification is one transaction; VND only (SePay serves Vietnamese accounts). Give it
 * the body as `parseJsonLossless` reads the raw text, so that a 19-digit `id` stays exact.
 */
export function parseSepay(body: unknown): IncomingLine[] {
  const parsed = payloadSchema.safeParse(body)
  if (!parsed.success) {
    invalidPayload("SePay", parsed.error)
  }
  const p = parsed.data
  const bookedAt = parseVietnamTime(p.transactionDate)
  if (!bookedAt) {
    throw new WebhookError(
      400,
      `Invalid SePay payload: transactionDate "${p.transactionDate}" is not a date`
    )
  }
  // The memo as the shopper wrote it is in `content`; `code` is SePay's own payment-code detection.
  const memo = [
    p.content,
    p.code && !(p.content ?? "").includes(p.code) ? p.code : null,
  ]
    .filter(Boolean)
    .join(" ")
  return [
    {
      external_id: p.id,
      account: p.subAccount || p.accountNumber || null,
      booked_at: bookedAt,
      amount: p.transferAmount,
      currency_code: "VND",
      direction: p.transferType,
      memo,
      counterparty_name: null,
      counterparty_account: null,
      // The bank's own reference as SePay reads it (e.g. "MBVCB.5280123052" for Vietcombank).
      bank_references: p.referenceCode?.trim() ? [p.referenceCode.trim()] : [],
      raw: body,
    },
  ]
}
