import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import {
  confirmPaymentWorkflow,
  type ConfirmPaymentInput,
} from "./confirm-payment"
import { findSameConfirmationStep } from "./steps/find-same-confirmation"
import { checkConfirmationCapStep } from "./steps/check-confirmation-cap"

export type ConfirmPaymentOnceInput = {
  confirmation: ConfirmPaymentInput
  /** The order's currency (ISO 4217): the amount the shopper typed is compared in it. */
  currency_code: string
}

/**
 * "I have paid", stored once: under a lock on the order's expectation (Medusa's Locking Module, so
 * across server instances with a shared provider), a confirmation identical to one stored in the
 * last minutes (a double click, a resent form) answers the stored one with `duplicate: true`;
 * otherwise, within the order's caps (`confirmation_limits`; else NOT_ALLOWED, 400),
 * `confirmPaymentWorkflow` records it. Result: `{ confirmation, duplicate }`.
 */
export const confirmPaymentOnceWorkflow = createWorkflow(
  "bank-transfer-confirm-payment-once",
  (input: ConfirmPaymentOnceInput) => {
    const key = transform(
      { input },
      ({ input }) =>
        `bank-transfer-confirm:${input.confirmation.expectation_id}`
    )
    acquireLockStep({ key, timeout: 30, ttl: 60 })
    const same = findSameConfirmationStep(input)
    const created = when(
      "new-confirmation",
      { same },
      ({ same }) => !same
    ).then(() => {
      checkConfirmationCapStep(
        transform({ input }, ({ input }) => ({
          expectation_id: input.confirmation.expectation_id,
          files: input.confirmation.files.length,
        }))
      )
      return confirmPaymentWorkflow.runAsStep({
        input: transform({ input }, ({ input }) => input.confirmation),
      })
    })
    releaseLockStep({ key })
    return new WorkflowResponse(
      transform({ same, created }, ({ same, created }) => ({
        confirmation: (same ?? created)!,
        duplicate: !!same,
      }))
    )
  }
)
