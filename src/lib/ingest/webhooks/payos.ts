import { z } from "@medusajs/framework/zod"
import { AmountError, parseAmountInCurrency } from "../../money/minor-units"
import { hmacHex, safeEqual, WebhookError } from "./signature"
import { parseVietnamTime } from "./vn-time"
import { idText, invalidPayload, optionalText } from "./fields"
import { sortKeysDeep } from "./sort-keys"
import type { IncomingLine } from "./types"

export type PayosConfig = { checksum_key: string }

/**
 * payOS's payment webhook (https://payos.vn/docs/tich-hop-webhook/):
 * `{ code, desc, success, data: { orderCode, amount, description, accountNumber, reference,
 * transactionDateTime, currency, paymentLinkId, code, desc, counterAccountBankId,
 * counterAccountBankName, counterAccountName, counterAccountNumber, virtualAccountName,
 * virtualAccountNumber }, signature }`. `data.code` "00" is a payment received; `amount` is in
 * whole units of `currency` (VND).
 */
const dataSchema = z.object({
  orderCode: idText,
  amount: z.number({ error: "must be a number" }),
  description: optionalText(1000),
  accountNumber: optionalText(64),
  reference: optionalText(100),
  transactionDateTime: z.string(),
  currency: z
    .string()
    .regex(/^[A-Za-z]{3}$/)
    .nullish(),
  paymentLinkId: optionalText(100),
  code: optionalText(20),
  desc: optionalText(500),
  counterAccountBankId: optionalText(20),
  counterAccountBankName: optionalText(200),
  counterAccountName: optionalText(200),
  counterAccountNumber: optionalText(64),
  virtualAccountName: optionalText(200),
  virtualAccountNumber: optionalText(64),
})

const payloadSchema = z.object({
  code: optionalText(20),
  desc: optionalText(500),
  success: z.boolean().nullish(),
  data: dataSchema,
  signature: z.string(),
})

/**
 * The text payOS signs: the `data` object's keys sorted (code-unit order, as JavaScript's sort),
 * each written `key=value` and joined with `&`. Values: null, undefined, "null" and "undefined"
 * as the empty string; arrays and objects as JSON with their objects' keys sorted; anything else
 * as its text (numbers as sent: a big `orderCode` read by `parseJsonLossless` keeps its digits).
 * This is the rule of payOS's published verification sample ("Kiểm tra dữ liệu với signature").
 */
export function payosSignedText(data: Record<string, unknown>): string {
  return Object.keys(data)
    .filter((key) => data[key] !== undefined)
    .sort()
    .map((key) => {
      const value = data[key]
      if (
        value === null ||
        value === undefined ||
        value === "null" ||
        value === "undefined"
      ) {
        return `${key}=`
      }
      if (typeof value === "object") {
        return `${key}=${JSON.stringify(sortKeysDeep(value))}`
      }
      return `${key}=${String(value)}`
    })
    .join("&")
}

/**
 * `signature` must be the hex HMAC-SHA256 of `payosSignedText(data)` with the checksum key,
 * compared in constant time. Runs on the body as `parseJsonLossless` reads it. A body without an
 * object `data` or a string `signature` cannot be signed: 401 like any bad signature.
 */
export function verifyPayos(body: unknown, config: PayosConfig) {
  const b = (body ?? {}) as { data?: unknown; signature?: unknown }
  const data = b.data
  if (
    !data ||
    typeof data !== "object" ||
    Array.isArray(data) ||
    typeof b.signature !== "string"
  ) {
    throw new WebhookError(401, "Missing payOS data or signature")
  }
  const expected = hmacHex(
    "sha256",
    config.checksum_key,
    payosSignedText(data as Record<string, unknown>)
  )
  if (!safeEqual(b.signature.trim().toLowerCase(), expected)) {
    throw new WebhookError(401, "Invalid payOS signature")
  }
}

/**
 * One payOS delivery is one payment in. The memo is `description` (what the payer's bank carried,
 * e.g. "CSXYZ DH1042Q") followed by `orderCode` when the description does not already hold it:
 * both are read as identifiers. `reference` is the bank's reference (also the movement's id here:
 * a payment link may be paid in several transfers); `raw` is the whole delivery.
 * A delivery whose `data.code` is not "00" reports no money: nothing is stored.
 */
export function parsePayos(body: unknown): IncomingLine[] {
  const parsed = payloadSchema.safeParse(body)
  if (!parsed.success) {
    invalidPayload("payOS", parsed.error)
  }
  const d = parsed.data.data
  if (d.code && d.code !== "00") {
    return []
  }
  const currency = (d.currency || "VND").toUpperCase()
  const amount = amountIn(d.amount, currency)
  const bookedAt = parseVietnamTime(d.transactionDateTime)
  if (!bookedAt) {
    throw new WebhookError(
      400,
      `Invalid payOS payload: data.transactionDateTime "${d.transactionDateTime.slice(0, 40)}" is not a date`
    )
  }
  const description = d.description ?? ""
  const memo = description.includes(d.orderCode)
    ? description
    : `${description} ${d.orderCode}`.trim()
  const reference = d.reference?.trim() || null
  return [
    {
      external_id: reference ?? `${d.paymentLinkId ?? ""}:${d.orderCode}`,
      account: d.virtualAccountNumber || d.accountNumber || null,
      booked_at: bookedAt,
      amount,
      currency_code: currency,
      direction: "in",
      memo,
      counterparty_name: d.counterAccountName || null,
      counterparty_account: d.counterAccountNumber || null,
      bank_references: reference ? [reference] : [],
      raw: body,
    },
  ]
}

/** `amount` in its currency (VND: whole dong), as exact text; a 400 names the field otherwise. */
function amountIn(value: number, currency: string): string {
  try {
    return parseAmountInCurrency(value, currency, "data.amount")
  } catch (e) {
    if (e instanceof AmountError) {
      throw new WebhookError(400, `Invalid payOS payload: ${e.message}`)
    }
    throw e
  }
}
