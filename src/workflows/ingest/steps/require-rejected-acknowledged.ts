import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_TRANSFER_MODULE } from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"
import type { RejectedLine } from "../../../lib/ingest/statements"
import { describeRejected } from "../../../lib/ingest/statements/rejected-lines"

/**
 * A previewed statement with lines that could not be read commits only when the accountant
 * acknowledges leaving them out (`skip_rejected_lines`); otherwise nothing is recorded and the
 * error names the lines. Returns the rejected lines, for the commit's record.
 */
export const requireRejectedAcknowledgedStep = createStep(
  "bank-transfer-require-rejected-acknowledged",
  async (
    input: { import_id: string; skip_rejected_lines?: boolean },
    { container }
  ) => {
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    const statement = await service.retrieveStatementImport(input.import_id, {
      select: ["id", "file_name", "rejected_lines"],
    })
    const rejected = (statement.rejected_lines ?? []) as RejectedLine[]
    if (rejected.length && !input.skip_rejected_lines) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `${statement.file_name}: ${rejected.length} line(s) could not be read and would be left out (${describeRejected(rejected)}). To record the other lines without them, commit with "skip_rejected_lines": true.`
      )
    }
    return new StepResponse(rejected)
  }
)
