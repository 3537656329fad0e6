import {
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { rejectSuggestionStep } from "./steps/reject-suggestion"
import type { Actor } from "../../modules/bank-transfer"

export const rejectSuggestionWorkflow = createWorkflow(
  "bank-transfer-reject-suggestion",
  (input: { suggestion_id: string; actor: Actor; reason?: string }) => {
    return new WorkflowResponse(rejectSuggestionStep(input))
  }
)
