import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  announceEscalationBatchStep,
  finishEscalationAnnouncementStep,
  leaseEscalationAnnouncementStep,
} from "./steps/announce-escalations"

/**
 * Announces one batch of committed escalation steps (the oldest waiting in the outbox): its
 * shoppers are told through Medusa's Notification Module in one call, its per-order events are
 * emitted, and its outbox row is removed. Answers `{ id: null }` when nothing waits. Run in a
 * loop by the announce-escalations subscriber; safe to run anywhere, any number of times at once
 * (each announcement is leased to one announcer; idempotency keys guard the messages).
 */
export const announceEscalationsWorkflow = createWorkflow(
  "bank-transfer-announce-escalations",
  () => {
    const lease = leaseEscalationAnnouncementStep()
    const done = when({ lease }, ({ lease }) => !!lease).then(() => {
      const counts = announceEscalationBatchStep(
        transform({ lease }, ({ lease }) => lease!)
      )
      finishEscalationAnnouncementStep(
        transform({ lease }, ({ lease }) => lease!.id)
      )
      return counts
    })
    return new WorkflowResponse(
      transform({ lease, done }, ({ lease, done }) => ({
        id: lease?.id ?? null,
        told: done?.told ?? 0,
        announced: done?.announced ?? 0,
      }))
    )
  }
)
