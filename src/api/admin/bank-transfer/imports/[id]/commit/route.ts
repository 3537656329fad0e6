import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { adminActor, bankTransferModule } from "../../../helpers"
import { CommitImportBody } from "../../../validators"
import { commitStatementImportWorkflow } from "../../../../../../workflows/ingest/commit-statement-import"

/**
 * POST /admin/bank-transfer/imports/:id/commit — idempotent: committing again adds nothing. A
 * preview with lines that could not be read needs `{ "skip_rejected_lines": true }` (400 without
 * it, nothing recorded); the committed import keeps them in `rejected_lines` and counts them in
 * `counts.left_out`.
 */
export async function POST(
  req: AuthenticatedMedusaRequest<z.infer<typeof CommitImportBody>>,
  res: MedusaResponse
) {
  const service = bankTransferModule(req)
  await service.retrieveStatementImport(req.params.id)
  const { result } = await commitStatementImportWorkflow(req.scope).run({
    input: {
      import_id: req.params.id,
      actor: adminActor(req),
      skip_rejected_lines: req.validatedBody?.skip_rejected_lines,
    },
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
      "rejected_lines",
      "created_at",
    ],
  })
  res.json({ import: statement, added: result.added })
}
