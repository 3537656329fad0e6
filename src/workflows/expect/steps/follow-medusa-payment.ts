import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { BANK_TRANSFER_MODULE } from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"
import { BANK_TRANSFER_PROVIDER_PREFIX } from "./load-order-for-expectation"

/** A Medusa event about a payment (`payment.captured`, `payment.refunded`: the payment's id) or an order (`order.canceled`). */
export type MedusaPaymentEventInput = { name: string; id: string }

const CHANGES: Record<string, { status: string; action: string }> = {
  "payment.captured": { status: "paid", action: "paid_by_hand_in_medusa" },
  "payment.refunded": { status: "refunded", action: "refunded_in_medusa" },
  "order.canceled": { status: "canceled", action: "order_canceled_in_medusa" },
}

/**
 * When someone captures, refunds or cancels the payment in Medusa's own payment section, or
 * cancels the order, the expectation follows and the audit trail says so. Captures made by the
 * plugin itself find the expectation already paid and change nothing. A partial refund leaves the
 * order paid; only a full refund closes the expectation. Compensation puts the status back.
 */
export const followMedusaPaymentStep = createStep(
  "bank-transfer-follow-medusa-payment",
  async (input: MedusaPaymentEventInput, { container }) => {
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    let orderId: string | undefined = input.id
    if (input.name.startsWith("payment.")) {
      const {
        data: [payment],
      } = await query.graph({
        entity: "payment",
        filters: { id: input.id },
        fields: [
          "id",
          "provider_id",
          "amount",
          "refunds.amount",
          "payment_collection.order.id",
        ],
      })
      if (!payment?.provider_id?.startsWith(BANK_TRANSFER_PROVIDER_PREFIX)) {
        return new StepResponse(null)
      }
      const refunded = MathBN.sum(
        0,
        ...((payment as any).refunds ?? []).map((r: any) => r.amount)
      )
      if (
        input.name === "payment.refunded" &&
        MathBN.lt(refunded, (payment as any).amount)
      ) {
        return new StepResponse(null)
      }
      orderId = (payment as any).payment_collection?.order?.id
    }
    const [expectation] = orderId
      ? await service.listExpectations({ order_id: orderId })
      : []
    const next = CHANGES[input.name]
    if (!expectation || !next || expectation.status === next.status) {
      return new StepResponse(null)
    }
    if (input.name === "order.canceled" && expectation.status === "paid") {
      return new StepResponse(null)
    }
    const before = {
      id: expectation.id,
      status: expectation.status,
      next_step: expectation.next_step,
      next_step_at: expectation.next_step_at,
      paid_at: expectation.paid_at,
    }
    await service.updateExpectations({
      id: expectation.id,
      status: next.status as any,
      next_step: null,
      next_step_at: null,
      ...(next.status === "paid" ? { paid_at: new Date() } : {}),
    })
    await service.createAuditEvents({
      expectation_id: expectation.id,
      action: next.action,
      actor_type: "admin",
      message: `${expectation.status} → ${next.status} (done in Medusa's order page)`,
    })
    return new StepResponse(
      { expectation_id: expectation.id, status: next.status },
      before
    )
  },
  async (before, { container }) => {
    if (!before) {
      return
    }
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    await service.updateExpectations(before as any)
  }
)
