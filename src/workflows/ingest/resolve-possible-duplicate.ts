import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import type { Actor } from "../../modules/bank-transfer"
import { resolvePossibleDuplicateStep } from "./steps/resolve-possible-duplicate"
import { announceReceived } from "./steps/announce-received"

/**
 * An accountant answers a possible duplicate: `same: true` ("same transfer") joins it to the
 * movement it may duplicate, nothing is applied; `same: false` ("different transfers") records it
 * as a movement of its own, which the matcher then processes as usual.
 */
export const resolvePossibleDuplicateWorkflow = createWorkflow(
  "bank-transfer-resolve-possible-duplicate",
  (input: { sighting_id: string; same: boolean; actor: Actor }) => {
    const resolved = resolvePossibleDuplicateStep(input)
    const received = transform({ resolved }, ({ resolved }) =>
      resolved.outcome === "created" ? [{ id: resolved.transaction_id }] : []
    )
    announceReceived(received)
    return new WorkflowResponse(resolved)
  }
)
