import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import {
  BANK_TRANSFER_MODULE,
  type Actor,
} from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"

/**
 * Records that the shopper is asked to confirm their payment: an order awaiting its transfer now
 * awaits the shopper's confirmation; audited. NOT_ALLOWED for a paid, cancelled or refunded order.
 * Compensation puts the status back.
 */
export const requestConfirmationStep = createStep(
  "bank-transfer-request-confirmation",
  async (
    input: { expectation_id: string; message: string; actor: Actor },
    { container }
  ) => {
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    const expectation = await service.retrieveExpectation(input.expectation_id)
    if (["paid", "canceled", "refunded"].includes(expectation.status)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `The order is ${expectation.status}: there is no payment to confirm`
      )
    }
    const status =
      expectation.status === "awaiting_transfer"
        ? "awaiting_customer_confirmation"
        : expectation.status
    await service.updateExpectations({ id: expectation.id, status })
    const audit = await service.createAuditEvents({
      expectation_id: expectation.id,
      action: "confirmation_requested",
      actor_type: input.actor.type,
      actor_id: input.actor.id ?? null,
      message: input.message,
    })
    return new StepResponse(
      {
        expectation_id: expectation.id,
        order_id: expectation.order_id,
        request_id: audit.id,
      },
      { id: expectation.id, status: expectation.status }
    )
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    await service.updateExpectations({ id: undo.id, status: undo.status })
  }
)
