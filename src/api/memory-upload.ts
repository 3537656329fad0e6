import multer from "multer"
import type {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { BANK_TRANSFER_MODULE } from "../modules/bank-transfer"
import type BankTransferModuleService from "../modules/bank-transfer/service"
import type { BankTransferOptions } from "../lib/options"
import { unstorableInput } from "../lib/safe-text"

/**
 * Multipart uploads kept in memory, with the size limit from the plugin options enforced while
 * the body streams in: a file over the limit is refused (400) before anything is stored.
 */
export function memoryUpload(spec: {
  field: string
  maxFiles: number
  maxBytes: (options: BankTransferOptions) => number
  tooLarge: (maxBytes: number) => string
}) {
  return async (
    req: MedusaRequest,
    res: MedusaResponse,
    next: MedusaNextFunction
  ) => {
    const service: BankTransferModuleService =
      req.scope.resolve(BANK_TRANSFER_MODULE)
    const maxBytes = spec.maxBytes(await service.loadOptions())
    const limits = { fileSize: maxBytes, files: spec.maxFiles, fields: 10 }
    multer({ storage: multer.memoryStorage(), limits }).array(
      spec.field,
      spec.maxFiles
    )(req as any, res as any, (err: unknown) => {
      if (!err) {
        const unstorable =
          unstorableInput(req.body) ??
          unstorableInput(
            ((req as any).files ?? []).map((f: any) => f.originalname)
          )
        return next(
          unstorable
            ? new MedusaError(
                MedusaError.Types.INVALID_DATA,
                `Invalid form: ${unstorable}`
              )
            : undefined
        )
      }
      const code = (err as any)?.code
      const message =
        code === "LIMIT_FILE_SIZE"
          ? spec.tooLarge(maxBytes)
          : code === "LIMIT_FILE_COUNT" || code === "LIMIT_UNEXPECTED_FILE"
            ? `At most ${spec.maxFiles} file(s), in the field "${spec.field}"`
            : `Could not read the upload: ${(err as Error).message}`
      next(new MedusaError(MedusaError.Types.INVALID_DATA, message))
    })
  }
}
