import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  emitEventStep,
  releaseLockStep,
} from "@medusajs/medusa/core-flows"
import { commitImportStep } from "./steps/commit-import"
import { requireRejectedAcknowledgedStep } from "./steps/require-rejected-acknowledged"
import { BankTransferEvents } from "../../lib/events"
import type { Actor } from "../../modules/bank-transfer"

export type CommitStatementImportInput = {
  import_id: string
  actor: Actor
  /** Required (true) when the preview left out lines that could not be read. */
  skip_rejected_lines?: boolean
}

/**
 * Commit a previewed statement: store its new lines, then match them in the background. A preview
 * with unreadable lines commits only with `skip_rejected_lines`; the import then records how many
 * were left out and why.
 */
export const commitStatementImportWorkflow = createWorkflow(
  "bank-transfer-commit-statement-import",
  (input: CommitStatementImportInput) => {
    const rejected = requireRejectedAcknowledgedStep(input)
    const key = transform(
      { input },
      ({ input }) => `bank-transfer:import:${input.import_id}`
    )
    acquireLockStep({ key, timeout: 60, ttl: 600 })
    const result = commitImportStep(
      transform({ input, rejected }, ({ input, rejected }) => ({
        import_id: input.import_id,
        actor: input.actor,
        rejected_lines: rejected,
      }))
    )
    emitEventStep({
      eventName: BankTransferEvents.IMPORT_COMMITTED,
      data: transform({ result }, ({ result }) => ({ id: result.import_id })),
    })
    releaseLockStep({ key })
    return new WorkflowResponse(result)
  }
)
