import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import type { RejectedLine, StatementLine } from "../../lib/ingest/statements"
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
  /** Lines of the file that could not be read, left out of `lines` (see ParsedStatement). */
  rejected_lines?: RejectedLine[]
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
        rejected_lines: input.rejected_lines ?? [],
      }))
    )
    return new WorkflowResponse(statement)
  }
)
