import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep, uploadFilesWorkflow } from "@medusajs/medusa/core-flows"
import {
  recordConfirmationStep,
  RecordConfirmationInput,
} from "./steps/record-confirmation"
import { BankTransferEvents } from "../../lib/events"
import { sealProofsStep } from "./steps/seal-proofs"

export type ConfirmPaymentInput = Omit<RecordConfirmationInput, "files"> & {
  files: { filename: string; mimeType: string; content: string /* base64 */ }[]
}

/**
 * The shopper says "I have paid": proof files are sealed (see `sealProofsStep`) and go to Medusa's
 * File Module (private), the confirmation is recorded with each file's original name, type and
 * size, the accountant is told. If recording fails, the uploaded files are removed.
 */
export const confirmPaymentWorkflow = createWorkflow(
  "bank-transfer-confirm-payment",
  (input: ConfirmPaymentInput) => {
    const sealed = sealProofsStep(
      transform({ input }, ({ input }) => input.files)
    )
    const uploaded = uploadFilesWorkflow.runAsStep({
      input: transform({ sealed }, ({ sealed }) => ({
        files: sealed.map((f) => ({
          ...f,
          access: "private" as const,
        })),
      })),
    })
    const confirmation = recordConfirmationStep(
      transform({ input, uploaded }, ({ input, uploaded }) => ({
        ...input,
        files: (uploaded ?? []).map((f: any, i: number) => ({
          id: f.id,
          url: f.url,
          filename: input.files[i].filename,
          mime_type: input.files[i].mimeType,
          size: Math.floor((input.files[i].content.length * 3) / 4),
        })),
      }))
    )
    emitEventStep({
      eventName: BankTransferEvents.CUSTOMER_CONFIRMED,
      data: transform({ confirmation }, ({ confirmation }) => ({
        id: confirmation.expectation_id,
        confirmation_id: confirmation.id,
      })),
    })
    return new WorkflowResponse(confirmation)
  }
)
