import {
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  type ColumnMappingInput,
  upsertColumnMappingStep,
} from "./steps/upsert-column-mapping"

/** An admin saves (or replaces) a named mapping for a bank's statement export. */
export const upsertColumnMappingWorkflow = createWorkflow(
  "bank-transfer-upsert-column-mapping",
  (input: ColumnMappingInput) =>
    new WorkflowResponse(upsertColumnMappingStep(input))
)
