import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { deleteCalendarOverrideWorkflow } from "../../../../../workflows/settings/calendar-overrides"

/** DELETE /admin/bank-transfer/calendar-overrides/:id */
export async function DELETE(
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) {
  await deleteCalendarOverrideWorkflow(req.scope).run({
    input: { id: req.params.id },
  })
  res.json({ id: req.params.id, object: "calendar_override", deleted: true })
}
