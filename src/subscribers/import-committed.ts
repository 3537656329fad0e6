import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { BankTransferEvents } from "../lib/events"
import { BANK_TRANSFER_MODULE } from "../modules/bank-transfer"
import type BankTransferModuleService from "../modules/bank-transfer/service"
import { reconcilePendingTransactionsWorkflow } from "../workflows/match/reconcile-pending-transactions"
import { matchOutgoingTransfersWorkflow } from "../workflows/returns/match-outgoing-transfer"

/**
 * A committed statement's lines go through the matcher one after another (bounded memory); its
 * debits are matched to recorded refunds, a page at a time.
 */
export default async function importCommitted({
  event,
  container,
}: SubscriberArgs<{ id: string }>) {
  await reconcilePendingTransactionsWorkflow(container).run({
    input: { import_id: event.data.id },
  })
  const service: BankTransferModuleService =
    container.resolve(BANK_TRANSFER_MODULE)
  let lastId = ""
  for (;;) {
    const page = await service.listBankTransactions(
      {
        import_id: event.data.id,
        direction: "out",
        status: "unmatched",
        id: { $gt: lastId },
      } as any,
      { take: 200, order: { id: "ASC" }, select: ["id"] }
    )
    if (page.length) {
      await matchOutgoingTransfersWorkflow(container).run({
        input: { transaction_ids: page.map((t) => t.id) },
      })
    }
    if (page.length < 200) {
      return
    }
    lastId = page[page.length - 1].id
  }
}

export const config: SubscriberConfig = {
  event: BankTransferEvents.IMPORT_COMMITTED,
  context: { subscriberId: "bank-transfer-import-committed" },
}
