import multer from "multer"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { BANK_TRANSFER_MODULE } from "../../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../../modules/bank-transfer/service"

/** One statement file in the field "file", in memory, refused above the `import_max_bytes` option. */
export async function statementUpload(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const service: BankTransferModuleService = req.scope.resolve(BANK_TRANSFER_MODULE)
  const maxBytes = (await service.loadOptions()).import_max_bytes
  multer({ storage: multer.memoryStorage(), limits: { fileSize: maxBytes, files: 1, fields: 5 } }).single("file")(
    req as any,
    res as any,
    (err: unknown) => {
      if (!err) return next()
      const code = (err as any)?.code
      const message =
        code === "LIMIT_FILE_SIZE"
          ? `The statement is larger than the ${maxBytes} bytes allowed (option import_max_bytes)`
          : `Could not read the upload: ${(err as Error).message}`
      next(new MedusaError(MedusaError.Types.INVALID_DATA, message))
    }
  )
}
