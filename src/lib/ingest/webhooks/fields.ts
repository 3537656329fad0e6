import { z } from "@medusajs/framework/zod"
import { integerText } from "./lossless-json"
import { WebhookError } from "./signature"

/**
 * A provider's id: a JSON number (a big one arrives as digits from `parseJsonLossless`) or a
 * non-empty string up to 64 characters, always turned into text: ids never pass through a double.
 */
export const idText = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const text = typeof v === "number" ? integerText(v) : v.trim()
  if (!text || text.length > 64) {
    ctx.addIssue({
      code: "custom",
      message: "must be an integer or a text of 1 to 64 characters",
    })
    return z.NEVER
  }
  return text
})

/** A signed whole amount (VND, no minor unit) sent as a JSON number or a string of digits, as text. */
export const wholeAmountText = z
  .union([z.number(), z.string()])
  .transform((v, ctx) => {
    const text = integerText(v)
    if (text === null || !/^-?\d{1,15}$/.test(text)) {
      ctx.addIssue({
        code: "custom",
        message: "must be a whole amount of at most 15 digits",
      })
      return z.NEVER
    }
    return text.replace(/^(-?)0+(?=\d)/, "$1")
  })

/** Optional text the providers send as a string, null, an empty string or absent (also a number). */
export const optionalText = (max: number) =>
  z
    .union([z.string().max(max), z.number()])
    .nullish()
    .transform((v) => (v === null || v === undefined ? null : String(v)))

/** The 400 every channel answers for a body its schema refuses, naming each field. */
export function invalidPayload(provider: string, error: z.ZodError): never {
  throw new WebhookError(
    400,
    `Invalid ${provider} payload: ${error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ")}`
  )
}
