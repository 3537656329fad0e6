import {
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import type { RuntimeSettings } from "../../lib/options"
import { saveSettingsStep } from "./steps/save-settings"

/** An admin changes tolerances, partials, policies or instructions at run time. Returns the keys saved. */
export const updateSettingsWorkflow = createWorkflow(
  "bank-transfer-update-settings",
  (input: { settings: RuntimeSettings; actor_id: string | null }) =>
    new WorkflowResponse(saveSettingsStep(input))
)
