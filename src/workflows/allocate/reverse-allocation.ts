import {
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { reverseAllocationStep } from "./steps/reverse-allocation"
import type { Actor } from "../../modules/bank-transfer"

/**
 * An accountant's undo of one allocation. A Medusa payment already captured stays captured:
 * refunding it is done in Medusa. Returns the expectation's status before and after.
 */
export const reverseAllocationWorkflow = createWorkflow(
  "bank-transfer-reverse-allocation",
  (input: { allocation_id: string; actor: Actor; reason?: string }) =>
    new WorkflowResponse(reverseAllocationStep(input))
)
