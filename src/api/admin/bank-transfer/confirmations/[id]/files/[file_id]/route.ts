import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { bankTransferModule } from "../../../../helpers"

/** GET /admin/bank-transfer/confirmations/:id/files/:file_id — a shopper's proof file, for admins only. */
export async function GET(
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) {
  const confirmation = await bankTransferModule(
    req
  ).retrievePaymentConfirmation(req.params.id)
  const file = ((confirmation.files ?? []) as unknown as any[]).find(
    (f) => f.id === req.params.file_id
  )
  if (!file) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `File ${req.params.file_id} is not part of this confirmation`
    )
  }
  const content = await req.scope.resolve(Modules.FILE).getAsBuffer(file.id)
  res.setHeader("Content-Type", file.mime_type)
  res.setHeader(
    "Content-Disposition",
    `attachment; filename="${String(file.filename).replace(/"/g, "")}"`
  )
  res.setHeader("X-Content-Type-Options", "nosniff")
  res.end(content)
}
