import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_TRANSFER_MODULE } from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"
import { countPlanned, type PlannedLine } from "../utils/planned-lines"
import type { RejectedLine } from "../../../lib/ingest/statements"

export type CreateStatementImportInput = {
  file_name: string
  format: string
  /** Hex SHA-256 of the uploaded file. */
  sha256: string
  uploaded_by: string | null
  lines: PlannedLine[]
  /** Unreadable lines of the file, kept with their errors; committing needs them acknowledged. */
  rejected_lines: RejectedLine[]
}

/** Stores a previewed statement (not yet in the ledger) with its counts; compensation deletes it. */
export const createStatementImportStep = createStep(
  "bank-transfer-create-statement-import",
  async (input: CreateStatementImportInput, { container }) => {
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    const statement = await service.createStatementImports({
      file_name: input.file_name.slice(0, 255),
      format: input.format,
      sha256: input.sha256,
      uploaded_by: input.uploaded_by,
      counts: {
        ...countPlanned(input.lines),
        rejected: input.rejected_lines.length,
      } as any,
      lines: input.lines as any,
      rejected_lines: input.rejected_lines.length
        ? (input.rejected_lines as any)
        : null,
    })
    return new StepResponse(statement, statement.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    await service.deleteStatementImports(id)
  }
)
