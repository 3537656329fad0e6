import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { bankTransfer } from "../helpers"
import { SaveColumnMappingBody } from "../validators"
import { BANK_PRESETS } from "../../../../lib/ingest/statements"

/** GET /admin/bank-transfer/column-mappings — saved mappings and the bank presets. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const mappings = await bankTransfer(req).listColumnMappings({}, { order: { name: "ASC" } })
  res.json({ mappings, presets: BANK_PRESETS })
}

/** POST /admin/bank-transfer/column-mappings — save (or replace) a named mapping for a bank's export. */
export async function POST(req: AuthenticatedMedusaRequest<z.infer<typeof SaveColumnMappingBody>>, res: MedusaResponse) {
  const service = bankTransfer(req)
  const body = req.validatedBody
  const [existing] = await service.listColumnMappings({ name: body.name })
  const mapping = existing
    ? await service.updateColumnMappings({ id: existing.id, bank_code: body.bank_code ?? null, mapping: body.mapping as any })
    : await service.createColumnMappings({ name: body.name, bank_code: body.bank_code ?? null, mapping: body.mapping as any })
  res.status(existing ? 200 : 201).json({ mapping })
}
