import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { BankTransferEvents } from "../lib/events"
import { announceEscalationsWorkflow } from "../workflows/escalate/announce-escalations"

// One announcer per process: the escalation job wakes it once per batch (hundreds of events in a
// big run), and announcing them all at once would hold every batch's messages in memory.
let announcing: Promise<void> | null = null
let wokenAgain = false

/**
 * Tells the shoppers of committed escalation steps, batch after batch, until the outbox is empty
 * (see announceEscalationsWorkflow). A wake-up while it runs makes it look once more at the end.
 */
export default async function announceEscalations({
  container,
}: SubscriberArgs<{ id: string | null }>) {
  wokenAgain = true
  announcing ??= drain(container).finally(() => {
    announcing = null
  })
  return announcing
}

async function drain(container: MedusaContainer) {
  try {
    while (wokenAgain) {
      wokenAgain = false
      for (;;) {
        const { result } = await announceEscalationsWorkflow(container).run({
          input: {},
        })
        if (!result.id) {
          break
        }
      }
    }
  } catch (e) {
    // The announcement stays in the outbox: its lease ends and the job's next run wakes us.
    wokenAgain = false
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .error(
        `bank-transfer: escalation announcements stopped: ${(e as Error).message}`
      )
  }
}

export const config: SubscriberConfig = {
  event: BankTransferEvents.ESCALATIONS_TO_ANNOUNCE,
  context: { subscriberId: "bank-transfer-announce-escalations" },
}
