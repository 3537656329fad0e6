import { z } from "@medusajs/framework/zod"
import {
  hmacHex,
  isFresh,
  parseSignatureHeader,
  safeEqual,
  WebhookError,
} from "./signature"
import { parseVietnamTime } from "./vn-time"
import type { IncomingLine } from "./types"
import { sortKeysDeep } from "./sample-delivery"

const transactionSchema = z.object({
  id: z.union([z.number().int(), z.string().min(1).max(64)]),
  reference: z.string().max(100).nullish(),
  description: z.string().max(1000).nullish(),
  amount: z
    .number()
    .int()
    .refine((n) => n !== 0, "must not be 0"),
  runningBalance: z.number().nullish(),
  transactionDateTime: z.string(),
  accountNumber: z.string().max(64).nullish(),
  bankName: z.string().max(100).nullish(),
  bankAbbreviation: z.string().max(50).nullish(),
  virtualAccountNumber: z.string().max(64).nullish(),
  counterAccountName: z.string().max(200).nullish(),
  counterAccountNumber: z.string().max(64).nullish(),
})

const payloadSchema = z.object({
  error: z.number().int().optional(),
  data: z.union([transactionSchema, z.array(transactionSchema).max(500)]),
})

/** Casso v2: `X-Casso-Signature: t=<ms>,v1=<hex>`, HMAC-SHA512 over "<t>.<key-sorted JSON body>". */
export function verifyCasso(
  headerValue: string | undefined,
  body: unknown,
  secret: string,
  now = new Date()
) {
  const { t, v1 } = parseSignatureHeader(headerValue)
  if (!t || !v1) {
    throw new WebhookError(401, "Missing or malformed X-Casso-Signature")
  }
  if (!isFresh(t, now)) {
    throw new WebhookError(
      401,
      "X-Casso-Signature timestamp is more than 5 minutes from now"
    )
  }
  const expected = hmacHex(
    "sha512",
    secret,
    `${t}.${JSON.stringify(sortKeysDeep(body))}`
  )
  if (!safeEqual(v1.toLowerCase(), expected)) {
    throw new WebhookError(401, "Invalid X-Casso-Signature")
  }
}

/** Casso gives signed amounts: negative is money out. */
export function parseCasso(body: unknown): IncomingLine[] {
  const parsed = payloadSchema.safeParse(body)
  if (!parsed.success) {
    throw new WebhookError(
      400,
      `Invalid Casso payload: ${parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ")}`
    )
  }
  const list = Array.isArray(parsed.data.data)
    ? parsed.data.data
    : [parsed.data.data]
  return list.map((t, i) => {
    const bookedAt = parseVietnamTime(t.transactionDateTime)
    if (!bookedAt) {
      throw new WebhookError(
        400,
        `Invalid Casso payload: data${Array.isArray(parsed.data.data) ? `.${i}` : ""}.transactionDateTime is not a date`
      )
    }
    return {
      external_id: String(t.id),
      account: t.virtualAccountNumber || t.accountNumber || null,
      booked_at: bookedAt,
      amount: String(Math.abs(t.amount)),
      currency_code: "VND",
      direction: t.amount > 0 ? "in" : "out",
      memo: t.description ?? "",
      counterparty_name: t.counterAccountName || null,
      counterparty_account: t.counterAccountNumber || null,
      // Casso v2's `reference` is the bank's reference of the transaction; its `id` is Casso's own.
      bank_references: t.reference?.trim() ? [t.reference.trim()] : [],
      raw: t,
    }
  })
}
