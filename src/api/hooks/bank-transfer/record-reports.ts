import type {
  Logger,
  MedusaContainer,
  Message,
} from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { BANK_TRANSFER_MODULE } from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"
import type { NewSighting } from "../../../modules/bank-transfer/types"
import { BankTransferEvents } from "../../../lib/events"
import { BatchingQueue } from "../../../lib/concurrency/batching-queue"
import { factsKey } from "../../../lib/ingest/identity"
import type { IncomingLine } from "../../../lib/ingest/webhooks/types"
import {
  newMovements,
  summariseReports,
  toNewSightings,
  transactionsToMatch,
  type RecordedReports,
} from "../../../workflows/ingest/utils/webhook-reports"

/** One webhook delivery's lines, as reports to record, and the facts they could be one movement by. */
type Delivery = {
  lines: IncomingLine[]
  rows: NewSighting[]
  facts: Set<string>
}

/** Deliveries recorded by one transaction at most… */
const MAX_DELIVERIES_PER_BATCH = 100
/** …and lines (a generic or Casso delivery may carry up to 500; one such delivery is a batch alone). */
const MAX_LINES_PER_BATCH = 1000

/**
 * A bank webhook's lines, recorded and announced: what recordBankTransactionsWorkflow does, on
 * the hot path without the workflow engine. The record is one call to the module, in one database
 * transaction (identity lock, repeat check, movement and report rows: nothing across modules, so
 * nothing to compensate); then, through Medusa's event bus as Medusa's own payment webhook route
 * does (`/hooks/payment`), one `bank_transfer.transactions_to_match` for the batch's new incoming
 * movements (the matcher, in a subscriber on a worker, announces each as
 * `bank_transfer.transaction_received` and matches it) and one `bank_transfer.outgoing_received`
 * per new outgoing movement, for the refunds it may pay. One event per batch rather than per
 * movement: with Redis, every event is a BullMQ job (Medusa's Caching Module subscribes to all of
 * them) and a cache invalidation, the largest cost left on this path (README "Performance").
 *
 * Deliveries that arrive while another is being recorded are recorded together, by one call and
 * one transaction (BatchingQueue), and their events emitted by one call. Two deliveries that could
 * report one movement (same currency, direction and amount: factsKey) are never in one batch, so
 * that each is paired against the other as recorded, exactly as when they came one after the
 * other. A batch that fails is recorded again delivery by delivery. Resolves once this delivery's
 * lines are committed and announced. Profiled (README "Performance"): round trips to PostgreSQL
 * are most of a delivery's cost on the server. A crash between the commit and the event leaves the
 * movement unmatched (`reconciled_at` null) until the sweep job matches it; so does an event that
 * could not be emitted (logged), rather than a refused delivery whose lines are already recorded.
 */
export async function recordReports(
  scope: MedusaContainer,
  source: string,
  lines: IncomingLine[]
): Promise<RecordedReports> {
  const rows = toNewSightings(source, lines)
  return queueFor(scope).submit({
    lines,
    rows,
    facts: new Set(rows.map(factsKey)),
  })
}

const queues = new WeakMap<
  BankTransferModuleService,
  BatchingQueue<Delivery, RecordedReports>
>()

function queueFor(scope: MedusaContainer) {
  const service: BankTransferModuleService = scope.resolve(BANK_TRANSFER_MODULE)
  let queue = queues.get(service)
  if (!queue) {
    const eventBus = scope.resolve(Modules.EVENT_BUS)
    const logger: Logger = scope.resolve(ContainerRegistrationKeys.LOGGER)
    queue = new BatchingQueue<Delivery, RecordedReports>(
      async (deliveries) => {
        const outcomes = await service.recordSightings(
          deliveries.flatMap((d) => d.rows)
        )
        let offset = 0
        const recorded = deliveries.map((d) =>
          summariseReports(
            outcomes.slice(offset, (offset += d.rows.length)),
            d.lines
          )
        )
        const events: Message<object>[] = [
          ...transactionsToMatch(
            recorded.flatMap((r) => newMovements(r, "in"))
          ).map((data) => ({
            name: BankTransferEvents.TRANSACTIONS_TO_MATCH,
            data,
          })),
          ...recorded.flatMap((r) =>
            newMovements(r, "out").map((data) => ({
              name: BankTransferEvents.OUTGOING_RECEIVED,
              data,
            }))
          ),
        ]
        if (events.length) {
          await eventBus
            .emit(events)
            .catch((e: Error) =>
              logger.warn(
                `bank-transfer: ${events.length} movement(s) recorded but not announced (${e.message}); the sweep job will match them`
              )
            )
        }
        return recorded
      },
      {
        maxItems: MAX_DELIVERIES_PER_BATCH,
        fits: (batch, d) =>
          batch.reduce((n, other) => n + other.rows.length, d.rows.length) <=
            MAX_LINES_PER_BATCH &&
          batch.every((other) =>
            [...d.facts].every((f) => !other.facts.has(f))
          ),
      }
    )
    queues.set(service, queue)
  }
  return queue
}
