import type { ExecArgs } from "@medusajs/framework/types"
import reconcilePendingTransactions from "../../src/jobs/reconcile-pending-transactions"
import { BANK_TRANSFER_MODULE } from "../../src/modules/bank-transfer"

/**
 * Run by integration-tests/reliability/run.mjs through `medusa exec` after a crash: the plugin's own
 * recovery job (every 5 minutes in a running store; the suite's shop runs with the jobs off)
 * once, reporting how many incoming transactions were waiting for the matcher before and after.
 */
export default async function recoveryJob({ container }: ExecArgs) {
  const service: any = container.resolve(BANK_TRANSFER_MODULE)
  const pending = async () =>
    (
      await service.listBankTransactions(
        { reconciled_at: null, direction: "in" },
        { select: ["id"] }
      )
    ).length
  const before = await pending()
  const started = Date.now()
  await reconcilePendingTransactions(container)
  console.log(
    `RECOVERY ${JSON.stringify({ unreconciled_before: before, unreconciled_after: await pending(), ms: Date.now() - started })}`
  )
}
