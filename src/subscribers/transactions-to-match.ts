import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { reconcileTransactionWorkflow } from "../workflows/match/reconcile-transaction"
import { recordMatchingFailure } from "../workflows/match/utils/matching-failure"
import { BankTransferEvents } from "../lib/events"

/**
 * A recorded batch's new incoming movements (`transactions_to_match`, `{ ids }`): each is
 * announced (`transaction_received`, `{ id }`, in one event-bus call for the batch, here on the
 * worker rather than on the webhook's path), then matched, one after the other (a batch's
 * movements may pay one order: each sees what the one before applied). A failure is counted on its
 * movement (the sweep retries it, a bounded number of times) rather than thrown into the event
 * bus, and the batch goes on; so does matching when the announcement could not be emitted.
 */
export default async function transactionsToMatchHandler({
  event,
  container,
}: SubscriberArgs<{ ids: string[] }>) {
  const { ids } = event.data
  await container
    .resolve(Modules.EVENT_BUS)
    .emit(
      ids.map((id) => ({
        name: BankTransferEvents.TRANSACTION_RECEIVED,
        data: { id },
      }))
    )
    .catch((e: Error) =>
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .warn(
          `bank-transfer: ${ids.length} transaction_received event(s) not emitted (${e.message}); matching them anyway`
        )
    )
  for (const id of ids) {
    try {
      await reconcileTransactionWorkflow(container).run({
        input: { transaction_id: id },
      })
    } catch (e) {
      await recordMatchingFailure(container, id, e)
    }
  }
}

export const config: SubscriberConfig = {
  event: BankTransferEvents.TRANSACTIONS_TO_MATCH,
  context: { subscriberId: "bank-transfer-reconcile" },
}
