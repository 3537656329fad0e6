import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { BANK_TRANSFER_MODULE } from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"
import { BankTransferEvents } from "../../../lib/events"
import { fingerprint } from "../../../lib/ingest/fingerprint"
import type { IncomingLine } from "../../../lib/ingest/webhooks/types"

/**
 * Stores lines in the ledger once each (the unique dedupe key absorbs repeated and concurrent
 * deliveries) and announces the new incoming ones; the matcher runs in a subscriber.
 */
export async function recordIncoming(container: MedusaContainer, source: string, lines: IncomingLine[], importId: string | null = null) {
  const service: BankTransferModuleService = container.resolve(BANK_TRANSFER_MODULE)
  const rows = await service.recordTransactions(
    lines.map((line) => {
      const l = { ...line, booked_at: new Date(line.booked_at) }
      return { ...l, source, fingerprint: fingerprint(l), import_id: importId }
    })
  )
  const received = rows.filter((r, i) => r.created && lines[i].direction === "in")
  if (received.length) {
    await container.resolve(Modules.EVENT_BUS).emit(
      received.map((r) => ({ name: BankTransferEvents.TRANSACTION_RECEIVED, data: { id: r.id } }))
    )
  }
  const transactions = rows.map((r, i) => ({ id: r.id, created: r.created, direction: lines[i].direction }))
  return {
    transactions,
    created: transactions.filter((t) => t.created).length,
    duplicates: transactions.filter((t) => !t.created).length,
  }
}
