import multer from "multer"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { BANK_TRANSFER_MODULE } from "../modules/bank-transfer"
import type BankTransferModuleService from "../modules/bank-transfer/service"
import { detectProofType } from "../lib/proof-file"

const MAX_FILES = 3

/**
 * Multipart parsing for "I have paid" forms, in memory with the size limit from the options: a
 * file over the limit is refused before anything is stored.
 */
export async function proofUpload(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const service: BankTransferModuleService = req.scope.resolve(BANK_TRANSFER_MODULE)
  const maxBytes = (await service.loadOptions()).proof_max_bytes
  multer({ storage: multer.memoryStorage(), limits: { fileSize: maxBytes, files: MAX_FILES, fields: 10 } }).array("file", MAX_FILES)(
    req as any,
    res as any,
    (err: unknown) => {
      if (!err) return next()
      const code = (err as any)?.code
      const message =
        code === "LIMIT_FILE_SIZE"
          ? `A proof file is larger than ${Math.round(maxBytes / 1024)} KB`
          : code === "LIMIT_FILE_COUNT" || code === "LIMIT_UNEXPECTED_FILE"
            ? `At most ${MAX_FILES} files, in the field "file"`
            : `Could not read the upload: ${(err as Error).message}`
      next(new MedusaError(MedusaError.Types.INVALID_DATA, message))
    }
  )
}

/** An HTML form sends fields left empty as "": that is no value. */
const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional())

export const ConfirmationFields = z
  .object({
    message: optional(z.string().max(2000)),
    paid_on: optional(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD")),
    amount: optional(z.string().regex(/^\d{1,15}(\.\d{1,4})?$/, "must be an amount such as 1250000")),
  })
  .strict()

/** Validates the form's fields and files (type from their content) into the workflow's input. */
export function confirmationInput(req: MedusaRequest) {
  const fields = ConfirmationFields.safeParse(req.body ?? {})
  if (!fields.success) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      fields.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ")
    )
  }
  // A browser sends an empty part for a file input left empty: that is no file.
  const files = (((req as any).files ?? []) as { originalname: string; buffer: Buffer }[]).filter(
    (f) => f.buffer.length > 0 || f.originalname
  )
  const checked = files.map((f) => {
    const type = detectProofType(f.buffer)
    if (!type) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `${f.originalname}: only PNG, JPEG or PDF files are accepted`)
    }
    const base = f.originalname.replace(/[^\w.\- ]/g, "_").replace(/\.[^.]*$/, "").slice(0, 80) || "proof"
    return { filename: `${base}.${type.ext}`, mimeType: type.mime, content: f.buffer.toString("base64") }
  })
  return {
    message: fields.data.message ?? null,
    paid_on: fields.data.paid_on ?? null,
    amount: fields.data.amount ?? null,
    files: checked,
  }
}
