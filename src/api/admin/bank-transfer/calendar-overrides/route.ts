import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { CalendarOverrideBody } from "../validators"
import { bankTransferModule } from "../helpers"
import { upsertCalendarOverrideWorkflow } from "../../../../workflows/settings/calendar-overrides"

/** GET /admin/bank-transfer/calendar-overrides — the merchant's extra days off and working days. */
export async function GET(
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) {
  const overrides = await bankTransferModule(req).listCalendarOverrides(
    {},
    { order: { date: "ASC" } }
  )
  res.json({ overrides })
}

/** POST /admin/bank-transfer/calendar-overrides — add or replace the override of one date. */
export async function POST(
  req: AuthenticatedMedusaRequest<z.infer<typeof CalendarOverrideBody>>,
  res: MedusaResponse
) {
  const { result } = await upsertCalendarOverrideWorkflow(req.scope).run({
    input: {
      ...req.validatedBody,
      created_by: req.auth_context?.actor_id ?? null,
    },
  })
  res.status(result.created ? 201 : 200).json({ override: result.override })
}
