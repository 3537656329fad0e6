import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  BANK_TRANSFER_MODULE,
  CONFIRMATION_REQUESTED_STEP,
  type Actor,
} from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"

/**
 * Records that the shopper is asked to confirm their payment: through the state machine
 * (`confirmation_requested`), an order awaiting its transfer now awaits the shopper's answer;
 * audited. NOT_ALLOWED for a paid, cancelled or refunded order. The transition is the step's only
 * write, so there is nothing to compensate: the event emitted after it is released with the
 * workflow's end.
 */
export const requestConfirmationStep = createStep(
  "bank-transfer-request-confirmation",
  async (
    input: { expectation_id: string; message: string; actor: Actor },
    { container }
  ) => {
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    const moved = await service.transitionExpectation({
      expectation_id: input.expectation_id,
      event: { type: "confirmation_requested" },
      actor: input.actor,
      action: "confirmation_requested",
      reason: input.message,
      steps: { [CONFIRMATION_REQUESTED_STEP]: new Date().toISOString() },
    })
    const [audit] = await service.listAuditEvents(
      { expectation_id: moved.id, action: "confirmation_requested" },
      { order: { created_at: "DESC" }, take: 1 }
    )
    return new StepResponse({
      expectation_id: moved.id,
      order_id: moved.order_id,
      request_id: audit.id,
    })
  }
)
