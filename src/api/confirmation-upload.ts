import type { MedusaRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { detectProofType } from "../lib/expect/proof-file"
import { memoryUpload } from "./memory-upload"
import { isRealDate } from "./admin/bank-transfer/validators"
import { AmountError } from "../lib/money/minor-units"
import { parseShownAmount } from "../lib/money/shown-amount"

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
    // As people write it: "1.280.000", "1,280,000 ₫", "1280000" (read by parseShownAmount).
    amount: optional(z.string().max(40)),
    // How the form writes decimals ("vi": "12,50"; "en", the default: "12.50").
    lang: optional(z.enum(["vi", "en"])),
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
      ? shownAmount(fields.data.amount, currency, fields.data.lang ?? "en")
      : null,
    files: checked,
  }
}

/** The amount the shopper typed, exactly, or a 400 saying why it is not one. */
function shownAmount(value: string, currency: string, lang: "vi" | "en") {
  try {
    return parseShownAmount(value, currency, "amount", lang)
  } catch (e) {
    if (e instanceof AmountError) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, e.message)
    }
    throw e
  }
}
