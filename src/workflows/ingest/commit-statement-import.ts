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
import { BankTransferEvents } from "../../lib/events"
import type { Actor } from "../../modules/bank-transfer"

/** Commit a previewed statement: store its new lines, then match them in the background. */
export const commitStatementImportWorkflow = createWorkflow(
  "bank-transfer-commit-statement-import",
  (input: { import_id: string; actor: Actor }) => {
    const key = transform(
      { input },
      ({ input }) => `bank-transfer:import:${input.import_id}`
    )
    acquireLockStep({ key, timeout: 60, ttl: 600 })
    const result = commitImportStep(input)
    emitEventStep({
      eventName: BankTransferEvents.IMPORT_COMMITTED,
      data: transform({ result }, ({ result }) => ({ id: result.import_id })),
    })
    releaseLockStep({ key })
    return new WorkflowResponse(result)
  }
)
