import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { bankTransfer } from "../../helpers"

/** DELETE /admin/bank-transfer/calendar-overrides/:id */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const service = bankTransfer(req)
  await service.retrieveCalendarOverride(req.params.id)
  await service.deleteCalendarOverrides(req.params.id)
  service.invalidateCalendar()
  res.json({ id: req.params.id, object: "calendar_override", deleted: true })
}
