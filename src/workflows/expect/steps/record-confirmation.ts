import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import {
  BANK_TRANSFER_MODULE,
  SHOPPER_CONFIRMED_STEP,
  UNPAID_STATUSES,
  type Actor,
} from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"

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
    if (!(UNPAID_STATUSES as readonly string[]).includes(expectation.status)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `This order is ${expectation.status.replace(/_/g, " ")}: nothing to confirm`
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
    // Through the state machine: the order now waits for the accountant (a part payment stays so).
    await service.transitionExpectation({
      expectation_id: expectation.id,
      event: { type: "shopper_confirmed" },
      actor: input.actor,
      action: "customer_confirmed",
      reason: input.message,
      steps: { [SHOPPER_CONFIRMED_STEP]: new Date().toISOString() },
      data: {
        confirmation_id: confirmation.id,
        paid_on: input.paid_on,
        amount: input.amount,
        files: input.files.length,
      },
    })
    return new StepResponse(confirmation, { id: confirmation.id })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    // The transition is the step's last write: if it failed, only the confirmation row exists.
    await service.deletePaymentConfirmations(undo.id)
  }
)
