import type { MedusaRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { detectProofType } from "../lib/expect/proof-file"
import { memoryUpload } from "./memory-upload"
import { isRealDate } from "./admin/bank-transfer/validators"
import { amountInCurrency } from "./amount-in-currency"

/** "I have paid" forms: up to 3 proof files in the field "file", at most `proof_max_bytes` each. */
export const proofUpload = memoryUpload({
  field: "file",
  maxFiles: 3,
  maxBytes: (options) => options.proof_max_bytes,
  tooLarge: (max) => `A proof file is larger than ${Math.round(max / 1024)} KB`,
})

/** An HTML form sends fields left empty as "": that is no value. */
const optional = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), schema.optional())

export const ConfirmationFields = z
  .object({
    message: optional(z.string().max(2000)),
    paid_on: optional(
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD")
        .refine(isRealDate, "is not a real date")
    ),
    amount: optional(
      z
        .string()
        .regex(/^\d{1,15}(\.\d{1,4})?$/, "must be an amount such as 1250000")
    ),
  })
  .strict()

/**
 * Validates the form's fields and files (type from their content) into the workflow's input. The
 * amount the shopper says they paid is checked against the order's currency (`currency`, ISO 4217).
 */
export function confirmationInput(req: MedusaRequest, currency: string) {
  const fields = ConfirmationFields.safeParse(req.body ?? {})
  if (!fields.success) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      fields.error.issues
        .map((i) => `${i.path.join(".") || "body"}: ${i.message}`)
        .join("; ")
    )
  }
  // A browser sends an empty part for a file input left empty: that is no file.
  const files = (
    ((req as any).files ?? []) as { originalname: string; buffer: Buffer }[]
  ).filter((f) => f.buffer.length > 0 || f.originalname)
  const checked = files.map((f) => {
    const type = detectProofType(f.buffer)
    if (!type) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `${f.originalname}: only PNG, JPEG or PDF files are accepted`
      )
    }
    const base =
      f.originalname
        .replace(/[^\w.\- ]/g, "_")
        .replace(/\.[^.]*$/, "")
        .slice(0, 80) || "proof"
    return {
      filename: `${base}.${type.ext}`,
      mimeType: type.mime,
      content: f.buffer.toString("base64"),
    }
  })
  return {
    message: fields.data.message ?? null,
    paid_on: fields.data.paid_on ?? null,
    amount: fields.data.amount
      ? amountInCurrency(fields.data.amount, currency, "amount")
      : null,
    files: checked,
  }
}
