import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/**
 * Waits until the plugin's background work (matching subscribers, notifications) has finished: no
 * incoming transaction waits for the matcher and nothing new was written for a while. The test
 * runner resets the database between tests, and work still running then would be cut off.
 */
export async function settle(container: MedusaContainer, timeoutMs = 30_000) {
  const service: any = container.resolve("bankTransfer")
  const notifications: any = container.resolve(Modules.NOTIFICATION)
  const probe = async () => {
    const [, waiting] = await service.listAndCountBankTransactions(
      { reconciled_at: null, direction: "in", status: "unmatched" },
      { take: 1 }
    )
    const [, audit] = await service.listAndCountAuditEvents({}, { take: 1 })
    // Escalation steps committed but not yet told (the announce-escalations subscriber's outbox).
    const [, announcing] = await service.listAndCountEscalationAnnouncements(
      {},
      { take: 1 }
    )
    const [, sent] = await notifications.listAndCountNotifications(
      {},
      { take: 1 }
    )
    return { waiting: waiting + announcing, state: `${audit}/${sent}` }
  }
  const start = Date.now()
  let last = await probe()
  let quiet = 0
  while (Date.now() - start < timeoutMs) {
    await new Promise((r) => setTimeout(r, 300))
    const now = await probe()
    quiet = now.waiting === 0 && now.state === last.state ? quiet + 1 : 0
    if (quiet >= 2) {
      return
    }
    last = now
  }
}
