import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { bankTransferModule } from "../helpers"
import { SaveColumnMappingBody } from "../validators"
import { upsertColumnMappingWorkflow } from "../../../../workflows/settings/upsert-column-mapping"
import type { ColumnMappingsResponse } from "../../../../types/http"
import { BANK_PRESETS } from "../../../../lib/ingest/statements"

/** GET /admin/bank-transfer/column-mappings — saved mappings and the bank presets. */
export async function GET(
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<ColumnMappingsResponse>
) {
  const mappings = await bankTransferModule(req).listColumnMappings(
    {},
    { order: { name: "ASC" } }
  )
  res.json({ mappings, presets: BANK_PRESETS })
}

/** POST /admin/bank-transfer/column-mappings — save (or replace) a named mapping for a bank's export. */
export async function POST(
  req: AuthenticatedMedusaRequest<z.infer<typeof SaveColumnMappingBody>>,
  res: MedusaResponse
) {
  const { result } = await upsertColumnMappingWorkflow(req.scope).run({
    input: req.validatedBody as any,
  })
  res.status(result.created ? 201 : 200).json({ mapping: result.mapping })
}
