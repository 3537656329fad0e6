import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { bankTransferModule } from "../../../../helpers"
import { openProof } from "../../../../../../../lib/expect/sealed-proof"
import { shopProofKey } from "../../../../../../../workflows/expect/steps/seal-proofs"

/**
 * GET /admin/bank-transfer/confirmations/:id/files/:file_id — a shopper's proof file, for admins
 * only: opened (proofs are stored sealed) and sent as an attachment with its original name and type.
 * 404 when the file is not part of the confirmation.
 */
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
  // Sealed when stored (see sealProofsStep); files stored before sealing are served as they are.
  const content = openProof(
    await req.scope.resolve(Modules.FILE).getAsBuffer(file.id),
    await shopProofKey(req.scope)
  )
  res.setHeader("Content-Type", file.mime_type)
  res.setHeader(
    "Content-Disposition",
    `attachment; filename="${String(file.filename).replace(/"/g, "")}"`
  )
  res.setHeader("X-Content-Type-Options", "nosniff")
  res.end(content)
}
