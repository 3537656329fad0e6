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
import { idText, invalidPayload, optionalText, wholeAmountText } from "./fields"

/**
 * One transaction of Casso's webhook v2 (https://developer.casso.vn, "Webhook v2"): `id` is
 * Casso's, `reference` the bank's; `amount` is signed VND (negative: money out);
 * `counterAccount*` name the payer (account, name, bank BIN and name) when the bank reports them.
 */
const transactionSchema = z.object({
  id: idText,
  reference: optionalText(100),
  description: optionalText(1000),
  amount: wholeAmountText.refine((n) => n !== "0", "must not be 0"),
  runningBalance: z.number().nullish(),
  transactionDateTime: z.string(),
  accountNumber: optionalText(64),
  bankName: optionalText(100),
  bankAbbreviation: optionalText(50),
  virtualAccountNumber: optionalText(64),
  virtualAccountName: optionalText(200),
  counterAccountName: optionalText(200),
  counterAccountNumber: optionalText(64),
  counterAccountBankId: optionalText(20),
  counterAccountBankName: optionalText(200),
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

/**
 * Casso v2 gives signed amounts: negative is money out. Each line's `raw` is the transaction as
 * sent (every field, the payer's bank included); the counterparty's account and name are mapped.
 */
export function parseCasso(body: unknown): IncomingLine[] {
  const parsed = payloadSchema.safeParse(body)
  if (!parsed.success) {
    invalidPayload("Casso", parsed.error)
  }
  const many = Array.isArray(parsed.data.data)
  const list = many
    ? (parsed.data.data as z.infer<typeof transactionSchema>[])
    : [parsed.data.data as z.infer<typeof transactionSchema>]
  const rawData = (body as { data: unknown }).data
  const rawList = (many ? rawData : [rawData]) as unknown[]
  return list.map((t, i) => {
    const bookedAt = parseVietnamTime(t.transactionDateTime)
    if (!bookedAt) {
      throw new WebhookError(
        400,
        `Invalid Casso payload: data${many ? `.${i}` : ""}.transactionDateTime is not a date`
      )
    }
    return {
      external_id: t.id,
      account: t.virtualAccountNumber || t.accountNumber || null,
      booked_at: bookedAt,
      amount: t.amount.replace(/^-/, ""),
      currency_code: "VND",
      direction: t.amount.startsWith("-") ? "out" : "in",
      memo: t.description ?? "",
      counterparty_name: t.counterAccountName || null,
      counterparty_account: t.counterAccountNumber || null,
      // Casso v2's `reference` is the bank's reference of the transaction; its `id` is Casso's own.
      bank_references: t.reference?.trim() ? [t.reference.trim()] : [],
      raw: rawList[i],
    }
  })
}
