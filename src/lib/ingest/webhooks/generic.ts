import { z } from "@medusajs/framework/zod"
import {
  hmacHex,
  isFresh,
  parseSignatureHeader,
  safeEqual,
  WebhookError,
} from "./signature"
import type { IncomingLine } from "./types"
import { AmountError, parseAmountInCurrency } from "../../money/minor-units"

const lineSchema = z.object({
  id: z.string().min(1).max(128),
  account: z.string().max(64).nullish(),
  booked_at: z.string().datetime({ offset: true }),
  amount: z
    .string()
    .regex(
      /^\d{1,15}(\.\d{1,4})?$/,
      'must be a positive decimal string such as "1250000" or "12.50"'
    ),
  currency: z.string().regex(/^[A-Za-z]{3}$/),
  direction: z.enum(["in", "out"]),
  memo: z.string().max(1000).default(""),
  counterparty_name: z.string().max(200).nullish(),
  counterparty_account: z.string().max(64).nullish(),
})

const payloadSchema = z.object({
  transactions: z.array(lineSchema).min(1).max(500),
})

/**
 * The generic format for any bank or aggregator (documented in the README):
 * `X-Bank-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`.
 */
export function verifyGeneric(
  headerValue: string | undefined,
  rawBody: Buffer,
  secret: string,
  now = new Date()
) {
  const { t, v1 } = parseSignatureHeader(headerValue)
  if (!t || !v1) {
    throw new WebhookError(401, "Missing or malformed X-Bank-Signature")
  }
  if (!isFresh(t, now)) {
    throw new WebhookError(
      401,
      "X-Bank-Signature timestamp is more than 5 minutes from now"
    )
  }
  const expected = hmacHex("sha256", secret, `${t}.${rawBody.toString("utf8")}`)
  if (!safeEqual(v1.toLowerCase(), expected)) {
    throw new WebhookError(401, "Invalid X-Bank-Signature")
  }
}

/** The amount in its currency's ISO 4217 minor units ("2430000.5" VND is refused), or a 400 naming the field. */
function amountIn(amount: string, currency: string, field: string): string {
  try {
    return parseAmountInCurrency(amount, currency, field)
  } catch (e) {
    if (e instanceof AmountError) {
      throw new WebhookError(400, `Invalid payload: ${e.message}`)
    }
    throw e
  }
}

export function parseGeneric(body: unknown): IncomingLine[] {
  const parsed = payloadSchema.safeParse(body)
  if (!parsed.success) {
    throw new WebhookError(
      400,
      `Invalid payload: ${parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ")}`
    )
  }
  return parsed.data.transactions.map((t, i) => ({
    external_id: t.id,
    account: t.account ?? null,
    booked_at: new Date(t.booked_at),
    amount: amountIn(t.amount, t.currency, `transactions.${i}.amount`),
    currency_code: t.currency.toUpperCase(),
    direction: t.direction,
    memo: t.memo,
    counterparty_name: t.counterparty_name ?? null,
    counterparty_account: t.counterparty_account ?? null,
    // Every field as sent (the schema drops the ones it does not know).
    raw: (body as { transactions: unknown[] }).transactions[i],
  }))
}
