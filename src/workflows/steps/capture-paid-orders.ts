import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { capturePaymentWorkflow } from "@medusajs/medusa/core-flows"
import { BANK_TRANSFER_PROVIDER_PREFIX } from "./load-order-for-expectation"
import type { AllocationResult } from "../../modules/bank-transfer/service"

/**
 * Captures the Medusa payment of every order that just became paid, through Medusa's own capture
 * workflow, so that the order shows as paid everywhere. A failure throws, and the workflow's
 * compensation removes the allocations made before it.
 */
export const capturePaidOrdersStep = createStep(
  "bank-transfer-capture-paid-orders",
  async (result: AllocationResult, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const paid = result.expectations.filter((e) => e.status === "paid" && e.previous_status !== "paid")
    const captured: string[] = []
    for (const e of paid) {
      const { data: [order] } = await query.graph({
        entity: "order",
        filters: { id: e.order_id },
        fields: ["id", "payment_collections.payments.id", "payment_collections.payments.provider_id", "payment_collections.payments.captured_at", "payment_collections.payments.canceled_at"],
      })
      const payments = (order?.payment_collections ?? []).flatMap((pc: any) => pc?.payments ?? [])
      const payment = payments.find(
        (p: any) => p?.provider_id?.startsWith(BANK_TRANSFER_PROVIDER_PREFIX) && !p.captured_at && !p.canceled_at
      )
      if (!payment) continue // captured by hand already, or canceled: nothing to do
      await capturePaymentWorkflow(container).run({ input: { payment_id: payment.id } })
      captured.push(payment.id)
    }
    return new StepResponse(captured)
  }
)
