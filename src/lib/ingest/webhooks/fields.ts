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

/**
 * A signed whole amount (VND, no minor unit) sent as a JSON number, as decimal text. A string is
 * refused: SePay and Casso document their amounts as numbers, and a quoted amount is a body
 * that did not come from them.
 */
export const wholeAmountText = z
  .number({ error: "must be a number" })
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

/**
 * Optional text the providers send as a string, null, an empty string or absent. Any other type
 * (a number, an object) is refused: every such field is documented as a string.
 */
export const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .nullish()
    .transform((v) => v ?? null)

/** The 400 every channel answers for a body its schema refuses, naming each field. */
export function invalidPayload(provider: string, error: z.ZodError): never {
  throw new WebhookError(
    400,
    `Invalid ${provider} payload: ${error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ")}`
  )
}
