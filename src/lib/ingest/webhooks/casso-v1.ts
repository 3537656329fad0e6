import { z } from "@medusajs/framework/zod"
import { safeEqual, WebhookError } from "./signature"
import { parseVietnamTime } from "./vn-time"
import { idText, invalidPayload, optionalText, wholeAmountText } from "./fields"
import type { IncomingLine } from "./types"

/**
 * One transaction of Casso's webhook v1 ("Custom Webhook API", https://casso.vn/tich-hop-webhook-tuy-chinh-vao-casso/):
 * `id` (Casso's), `tid` (the bank's transaction code), `description`, `amount` (signed VND),
 * `cusum_balance` (balance after), `when` (Vietnam time, "2026-11-30 10:20:30" or a date alone
 * "2026-11-30"), `bank_sub_acc_id` / `subAccId` (the receiving account), `virtualAccount`, and the
 * payer as `corresponsiveName`, `corresponsiveAccount`, `corresponsiveBankId`, `corresponsiveBankName`.
 */
const transactionSchema = z.object({
  id: idText,
  tid: optionalText(100),
  description: optionalText(1000),
  amount: wholeAmountText.refine((n) => n !== "0", "must not be 0"),
  cusum_balance: z.number().nullish(),
  when: z.string(),
  bank_sub_acc_id: optionalText(64),
  subAccId: optionalText(64),
  virtualAccount: optionalText(64),
  corresponsiveName: optionalText(200),
  corresponsiveAccount: optionalText(64),
  corresponsiveBankId: optionalText(20),
  corresponsiveBankName: optionalText(200),
})

/** The v1 body: `{ error: 0, data: [ …transactions ] }`. */
const payloadSchema = z.object({
  error: z.number().int().optional(),
  data: z.array(transactionSchema).max(500),
})

/**
 * Casso v1 sends the "security key" typed in its webhook settings as the `secure-token` header
 * (no signature over the body); compared in constant time with `webhooks.casso.secret`.
 */
export function verifyCassoV1(token: string | undefined, secret: string) {
  if (!token || !safeEqual(token.trim(), secret)) {
    throw new WebhookError(401, "Invalid secure-token")
  }
}

/** Casso v1's transactions, signed amounts (negative: money out); `raw` is each as sent. */
export function parseCassoV1(body: unknown): IncomingLine[] {
  const parsed = payloadSchema.safeParse(body)
  if (!parsed.success) {
    invalidPayload("Casso v1", parsed.error)
  }
  const rawList = (body as { data: unknown[] }).data
  return parsed.data.data.map((t, i) => {
    const bookedAt = parseVietnamTime(t.when)
    if (!bookedAt) {
      throw new WebhookError(
        400,
        `Invalid Casso v1 payload: data.${i}.when "${t.when.slice(0, 40)}" is not a date`
      )
    }
    return {
      external_id: t.id,
      account: t.virtualAccount || t.bank_sub_acc_id || t.subAccId || null,
      booked_at: bookedAt,
      amount: t.amount.replace(/^-/, ""),
      currency_code: "VND",
      direction: t.amount.startsWith("-") ? "out" : "in",
      memo: t.description ?? "",
      counterparty_name: t.corresponsiveName || null,
      counterparty_account: t.corresponsiveAccount || null,
      // `tid` is the bank's own transaction code (cross-channel identity); `id` is Casso's.
      bank_references: t.tid?.trim() ? [t.tid.trim()] : [],
      raw: rawList[i],
    }
  })
}
