import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { BANK_TRANSFER_MODULE } from "../../modules/bank-transfer"
import type BankTransferModuleService from "../../modules/bank-transfer/service"
import { planMatch } from "./steps/decide-match"
import { reconcileTransactionWorkflow } from "./reconcile-transaction"
import { BankTransferEvents } from "../../lib/events"
import { transactionLockKey } from "../common/utils/transaction-lock"

/**
 * Matches one stored incoming transaction. Most money reaching a shop's account pays no open
 * order (salaries, refunds, other income): for it the answer is "unmatched", a write to this
 * module alone, made here under the transaction's lock without the cost of a workflow run. Money
 * to apply, to suggest or to finish applying goes through reconcileTransactionWorkflow, which
 * decides again under the same lock (the open orders may have changed in between).
 */
export async function reconcileIncoming(container: MedusaContainer, transactionId: string) {
  const service: BankTransferModuleService = container.resolve(BANK_TRANSFER_MODULE)
  const needsWorkflow = await container.resolve(Modules.LOCKING).execute(
    transactionLockKey(transactionId),
    async () => {
      const plan = await planMatch(service, transactionId)
      if (plan.kind === "skip") return false
      if (plan.kind !== "unmatched" && plan.kind !== "ignore") return true
      const status = plan.kind === "ignore" ? "ignored" : "unmatched"
      const closed = await service.closeWithoutMatch({ transaction_id: transactionId, status, reasons: plan.reasons })
      if (closed && status === "unmatched") {
        await container.resolve(Modules.EVENT_BUS).emit({ name: BankTransferEvents.TRANSACTION_UNMATCHED, data: { transaction_id: transactionId } })
      }
      return false
    },
    { timeout: 30 }
  )
  if (needsWorkflow) {
    await reconcileTransactionWorkflow(container).run({ input: { transaction_id: transactionId } })
  }
}
