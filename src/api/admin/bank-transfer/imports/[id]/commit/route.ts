import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { adminActor, bankTransferModule } from "../../../helpers"
import { commitStatementImportWorkflow } from "../../../../../../workflows/ingest/commit-statement-import"

/** POST /admin/bank-transfer/imports/:id/commit — idempotent: committing again adds nothing. */
export async function POST(
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) {
  const service = bankTransferModule(req)
  await service.retrieveStatementImport(req.params.id)
  const { result } = await commitStatementImportWorkflow(req.scope).run({
    input: { import_id: req.params.id, actor: adminActor(req) },
  })
  const statement = await service.retrieveStatementImport(req.params.id, {
    select: [
      "id",
      "file_name",
      "format",
      "status",
      "uploaded_by",
      "committed_by",
      "committed_at",
      "counts",
      "created_at",
    ],
  })
  res.json({ import: statement, added: result.added })
}
