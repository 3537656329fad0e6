import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { BankTransferEvents } from "../lib/events"
import { matchOutgoingTransfersWorkflow } from "../workflows/returns/match-outgoing-transfer"

/** A new outgoing line may be a recorded refund going back: it closes that refund when it is the only fit. */
export default async function outgoingReceived({
  event,
  container,
}: SubscriberArgs<{ id: string }>) {
  await matchOutgoingTransfersWorkflow(container).run({
    input: { transaction_ids: [event.data.id] },
  })
}

export const config: SubscriberConfig = {
  event: BankTransferEvents.OUTGOING_RECEIVED,
  context: { subscriberId: "bank-transfer-match-outgoing" },
}
