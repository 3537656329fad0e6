import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { BANK_TRANSFER_MODULE } from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"
import type { Actor } from "../../../modules/bank-transfer"

export type RecordConfirmationInput = {
  expectation_id: string
  message: string | null
  paid_on: string | null
  amount: string | null
  channel: "store" | "payment_page"
  actor: Actor
  files: {
    id: string
    url: string
    filename: string
    mime_type: string
    size: number
  }[]
}

/** Stores the shopper's "I have paid"; the expectation waits for an accountant to find the money. */
export const recordConfirmationStep = createStep(
  "bank-transfer-record-confirmation",
  async (input: RecordConfirmationInput, { container }) => {
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    const expectation = await service.retrieveExpectation(input.expectation_id)
    if (["paid", "canceled", "refunded"].includes(expectation.status)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `This order is ${expectation.status}: nothing to confirm`
      )
    }
    const confirmation = await service.createPaymentConfirmations({
      expectation_id: expectation.id,
      message: input.message,
      paid_on: input.paid_on,
      amount: input.amount as any,
      files: input.files as any,
      channel: input.channel,
    })
    // A part payment stays visible as such; otherwise the order now waits for the accountant.
    const status =
      expectation.status === "partially_paid"
        ? expectation.status
        : "customer_confirmed"
    await service.updateExpectations({ id: expectation.id, status })
    await service.createAuditEvents({
      expectation_id: expectation.id,
      action: "customer_confirmed",
      actor_type: input.actor.type,
      actor_id: input.actor.id ?? null,
      message: input.message,
      data: {
        confirmation_id: confirmation.id,
        paid_on: input.paid_on,
        amount: input.amount,
        files: input.files.length,
      },
    })
    return new StepResponse(confirmation, {
      id: confirmation.id,
      expectation_id: expectation.id,
      status: expectation.status,
    })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    await service.deletePaymentConfirmations(undo.id)
    await service.updateExpectations({
      id: undo.expectation_id,
      status: undo.status as any,
    })
  }
)
