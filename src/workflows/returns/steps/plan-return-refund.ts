import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MathBN, MedusaError, Modules } from "@medusajs/framework/utils"
import {
  BANK_TRANSFER_MODULE,
  type Actor,
} from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"
import {
  loadOrderPayment,
  paymentFigures,
} from "../../allocate/utils/medusa-payment"

export type RecordReturnRefundInput = {
  id: string
  /** When given, must equal the item's amount (decimal string): an item is refunded whole. */
  amount?: string
  /** One of Medusa's refund reasons (GET /admin/refund-reasons). */
  refund_reason_id?: string
  note?: string
  actor: Actor
}

export type ReturnRefundPlan = RecordReturnRefundInput & {
  /** Of the item's amount, what goes back through a Medusa refund of `payment_id` (decimal string). */
  medusa_amount: string
  plugin_amount: string
  payment_id: string | null
  order_id: string | null
}

/**
 * Read-only: checks the request and decides which part of the item is refunded in Medusa. Only
 * money Medusa captured and the order does not keep can be refunded there: captured − refunded,
 * minus the order's total unless the order was cancelled. Surplus above what Medusa captured, and
 * money of no order, is recorded in the plugin only. NOT_FOUND (item, refund reason), CONFLICT
 * (decided already), INVALID_DATA (an amount other than the item's).
 */
export const planReturnRefundStep = createStep(
  "bank-transfer-plan-return-refund",
  async (input: RecordReturnRefundInput, { container }) => {
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    const [item] = await service.listMoneyReturns({ id: input.id })
    if (!item) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Return item ${input.id} was not found`
      )
    }
    const amount = MathBN.convert((item as any).raw_amount ?? item.amount)
    if (item.state !== "open") {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `This money to return is ${item.state.replace(/_/g, " ")} already${item.decided_by ? ` (by ${item.decided_by})` : ""}`
      )
    }
    if (input.amount !== undefined && !MathBN.eq(input.amount, amount)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `The refund is the item's whole amount: ${amount.toString()} ${item.currency_code.toUpperCase()}`
      )
    }
    if (input.refund_reason_id) {
      const reasons = await container
        .resolve(Modules.PAYMENT)
        .listRefundReasons({ id: input.refund_reason_id })
      if (!reasons.length) {
        throw new MedusaError(
          MedusaError.Types.NOT_FOUND,
          `Refund reason ${input.refund_reason_id} was not found`
        )
      }
    }
    let medusa = MathBN.convert(0)
    let paymentId: string | null = null
    if (
      item.order_id &&
      item.expectation_id &&
      item.cause !== "medusa_refund"
    ) {
      const expectation = await service.retrieveExpectation(item.expectation_id)
      const { payment } = await loadOrderPayment(container, item.order_id)
      if (payment) {
        const f = paymentFigures(payment)
        const refunded = payment.refunds.reduce(
          (s, r) => MathBN.add(s, r.amount),
          MathBN.convert(0)
        )
        const keeps =
          expectation.status === "canceled"
            ? 0
            : ((expectation as any).raw_amount_due ?? expectation.amount_due)
        const refundable = MathBN.max(
          MathBN.sub(MathBN.sub(f.captured, refunded), keeps),
          0
        )
        medusa = MathBN.min(amount, refundable)
        paymentId = MathBN.gt(medusa, 0) ? payment.id : null
      }
    }
    const plan: ReturnRefundPlan = {
      ...input,
      medusa_amount: medusa.toString(),
      plugin_amount: MathBN.sub(amount, medusa).toString(),
      payment_id: paymentId,
      order_id: item.order_id ?? null,
    }
    return new StepResponse(plan)
  }
)
