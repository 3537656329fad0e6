import type { MedusaContainer } from "@medusajs/framework/types"
import { escalateUnpaidTransfersWorkflow } from "../workflows/escalate/escalate-unpaid-transfers"
import { BANK_TRANSFER_MODULE } from "../modules/bank-transfer"
import type BankTransferModuleService from "../modules/bank-transfer/service"

/** Every 15 minutes: ask for confirmation, put on hold, as the policies say, in business days. */
export default async function escalateUnpaidTransfers(
  container: MedusaContainer
) {
  const service: BankTransferModuleService =
    container.resolve(BANK_TRANSFER_MODULE)
  if (!service.getOptions().jobs) {
    return
  }
  const logger = container.resolve("logger")
  // The run's time is also the `at` of every audit event it writes: the log line names the run.
  const now = new Date()
  const { result } = await escalateUnpaidTransfersWorkflow(container).run({
    input: { now },
  })
  if (result.escalated) {
    logger.info(
      `bank-transfer: escalated ${result.escalated} unpaid order(s) ${JSON.stringify(result.by_step)} (run at ${now.toISOString()})`
    )
  }
}

export const config = {
  name: "bank-transfer-escalate-unpaid",
  // BANK_TRANSFER_ESCALATION_SCHEDULE (a cron expression; a leading seconds field is allowed)
  // replaces the 15 minutes, e.g. for the multi-instance test. Read when the server starts.
  schedule: process.env.BANK_TRANSFER_ESCALATION_SCHEDULE || "*/15 * * * *",
}
