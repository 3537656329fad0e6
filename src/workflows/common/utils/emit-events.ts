import { transform, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"

/** An event a step decided on: emitted by the workflow, not by the step. */
export type PlannedEvent = { name: string; data: Record<string, unknown> }

/**
 * Emits, with Medusa's emitEventStep, the events a workflow computed, one step per event name
 * that may occur (a name with no event is a no-op). emitEventStep groups them with the workflow's
 * run, so they are released only when the run succeeds.
 */
export function emitPlannedEvents(
  prefix: string,
  events: WorkflowData<PlannedEvent[]>,
  names: readonly string[]
) {
  for (const name of names) {
    emitEventStep({
      eventName: name,
      data: transform({ events }, ({ events }) =>
        events.filter((e) => e.name === name).map((e) => e.data)
      ),
      // Step names are paths in the orchestrator: no dots (event names have them).
    }).config({ name: `${prefix}-emit-${name.replace(/\./g, "-")}` })
  }
}
