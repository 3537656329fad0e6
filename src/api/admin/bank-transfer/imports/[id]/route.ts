import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { bankTransferModule } from "../../helpers"

/** GET /admin/bank-transfer/imports/:id — one import with its previewed lines. */
export async function GET(
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) {
  res.json({
    import: await bankTransferModule(req).retrieveStatementImport(
      req.params.id
    ),
  })
}
