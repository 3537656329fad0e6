import {
  createWorkflow,
  WorkflowResponse,
  when,
  transform,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { loadOrderForExpectationStep } from "./steps/load-order-for-expectation"
import { createExpectationStep } from "./steps/create-expectation"
import { recordPaymentDetailsStep } from "./steps/record-payment-details"
import { BankTransferEvents } from "../../lib/events"

/**
 * When an order paid by bank transfer is placed: store what it expects to receive, with its
 * reference and memo, and write how to pay into Medusa's payment (`data.bank_transfer`). Does
 * nothing for orders paid another way, nor for an order whose expectation exists already.
 */
export const createExpectationWorkflow = createWorkflow(
  "bank-transfer-create-expectation",
  (input: { order_id: string }) => {
    const order = loadOrderForExpectationStep(input)
    const created = createExpectationStep({ order })
    when(
      "expectation-was-created",
      { created },
      ({ created }) => created.created
    ).then(() => {
      recordPaymentDetailsStep({
        expectation: transform(
          { created },
          ({ created }) => created.expectation as any
        ),
      })
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
