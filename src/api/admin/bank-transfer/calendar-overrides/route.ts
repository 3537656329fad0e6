import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { CalendarOverrideBody } from "../validators"
import { bankTransfer } from "../helpers"

/** GET /admin/bank-transfer/calendar-overrides — the merchant's extra days off and working days. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const overrides = await bankTransfer(req).listCalendarOverrides({}, { order: { date: "ASC" } })
  res.json({ overrides })
}

/** POST /admin/bank-transfer/calendar-overrides — add or replace the override of one date. */
export async function POST(req: AuthenticatedMedusaRequest<z.infer<typeof CalendarOverrideBody>>, res: MedusaResponse) {
  const service = bankTransfer(req)
  const body = req.validatedBody
  const [existing] = await service.listCalendarOverrides({ date: body.date })
  const override = existing
    ? await service.updateCalendarOverrides({ id: existing.id, kind: body.kind, name: body.name ?? null })
    : await service.createCalendarOverrides({ ...body, created_by: req.auth_context?.actor_id ?? null })
  service.invalidateCalendar()
  res.status(existing ? 200 : 201).json({ override })
}
