import type { MedusaContainer } from "@medusajs/framework/types"
import { escalateDueTransfers } from "../lib/escalation/run"
import { BANK_TRANSFER_MODULE } from "../modules/bank-transfer"
import type BankTransferModuleService from "../modules/bank-transfer/service"

/** Every 15 minutes: ask for confirmation, put on hold, as the policies say, in business days. */
export default async function escalateUnpaidTransfers(container: MedusaContainer) {
  const service: BankTransferModuleService = container.resolve(BANK_TRANSFER_MODULE)
  if (!service.getOptions().jobs) return
  const logger = container.resolve("logger")
  const result = await escalateDueTransfers(container)
  if (result.escalated) {
    logger.info(`bank-transfer: escalated ${result.escalated} unpaid order(s) ${JSON.stringify(result.by_step)}`)
  }
}

export const config = {
  name: "bank-transfer-escalate-unpaid",
  schedule: "*/15 * * * *",
}
