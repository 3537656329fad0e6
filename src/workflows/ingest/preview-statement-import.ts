import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import type { StatementLine } from "../../lib/ingest/statements"
import { planStatementLinesStep } from "./steps/plan-statement-lines"
import { previewMatchesStep } from "./steps/preview-matches"
import { createStatementImportStep } from "./steps/create-statement-import"

export type PreviewStatementImportInput = {
  file_name: string
  format: string
  sha256: string
  uploaded_by: string | null
  /** The parsed statement's lines (amounts: decimal strings in their currency). */
  lines: StatementLine[]
}

/**
 * A parsed statement becomes a preview: which lines are new or already known from any channel,
 * and what the matcher would do with each. Nothing enters the ledger until it is committed
 * (commitStatementImportWorkflow).
 */
export const previewStatementImportWorkflow = createWorkflow(
  "bank-transfer-preview-statement-import",
  (input: PreviewStatementImportInput) => {
    const planned = planStatementLinesStep({ lines: input.lines })
    const previewed = previewMatchesStep(planned)
    const statement = createStatementImportStep(
      transform({ input, previewed }, ({ input, previewed }) => ({
        file_name: input.file_name,
        format: input.format,
        sha256: input.sha256,
        uploaded_by: input.uploaded_by,
        lines: previewed,
      }))
    )
    return new WorkflowResponse(statement)
  }
)
