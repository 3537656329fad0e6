import {
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  type CalendarOverrideInput,
  deleteCalendarOverrideStep,
  upsertCalendarOverrideStep,
} from "./steps/upsert-calendar-override"

/** An admin marks one date as a day off or a working day (replacing what that date had). */
export const upsertCalendarOverrideWorkflow = createWorkflow(
  "bank-transfer-upsert-calendar-override",
  (input: CalendarOverrideInput) =>
    new WorkflowResponse(upsertCalendarOverrideStep(input))
)

/** An admin removes a date's override: the date follows the country's calendar again. */
export const deleteCalendarOverrideWorkflow = createWorkflow(
  "bank-transfer-delete-calendar-override",
  (input: { id: string }) =>
    new WorkflowResponse(deleteCalendarOverrideStep(input))
)
