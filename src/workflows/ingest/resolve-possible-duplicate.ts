import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { BankTransferEvents } from "../../lib/events"
import type { Actor } from "../../modules/bank-transfer"
import { resolvePossibleDuplicateStep } from "./steps/resolve-possible-duplicate"
import { transactionsToMatch } from "./utils/webhook-reports"

/**
 * An accountant answers a possible duplicate: `same: true` ("same transfer") joins it to the
 * movement it may duplicate, nothing is applied; `same: false` ("different transfers") records it
 * as a movement of its own, which the matcher then processes as usual.
 */
export const resolvePossibleDuplicateWorkflow = createWorkflow(
  "bank-transfer-resolve-possible-duplicate",
  (input: { sighting_id: string; same: boolean; actor: Actor }) => {
    const resolved = resolvePossibleDuplicateStep(input)
    emitEventStep({
      eventName: BankTransferEvents.TRANSACTIONS_TO_MATCH,
      data: transform({ resolved }, ({ resolved }) =>
        transactionsToMatch(
          resolved.outcome === "created"
            ? [{ id: resolved.transaction_id }]
            : []
        )
      ),
    })
    return new WorkflowResponse(resolved)
  }
)
