import {
  createWorkflow,
  WorkflowResponse,
  when,
  transform,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { loadOrderForExpectationStep } from "./steps/load-order-for-expectation"
import { createExpectationStep } from "./steps/create-expectation"
import { BankTransferEvents } from "../../lib/events"

/**
 * When an order paid by bank transfer is placed: store what it expects to receive, with its
 * reference and memo. Does nothing for orders paid another way.
 */
export const createExpectationWorkflow = createWorkflow(
  "bank-transfer-create-expectation",
  (input: { order_id: string }) => {
    const order = loadOrderForExpectationStep(input)
    const created = createExpectationStep({ order })
    when({ created }, ({ created }) => created.created).then(() => {
      emitEventStep({
        eventName: BankTransferEvents.EXPECTATION_CREATED,
        data: transform({ created }, ({ created }) => ({
          id: created.expectation!.id,
          order_id: created.expectation!.order_id,
        })),
      })
    })
    return new WorkflowResponse(
      transform({ created }, ({ created }) => created.expectation)
    )
  }
)
