import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { BANK_TRANSFER_MODULE } from "../modules/bank-transfer"
import type BankTransferModuleService from "../modules/bank-transfer/service"

/**
 * The other way round: when someone captures, refunds or cancels the payment in Medusa's own
 * payment section, or cancels the order, the expectation follows and the audit trail says so.
 * Captures made by the plugin itself find the expectation already paid and change nothing.
 */
export default async function medusaPaymentSync({ event, container }: SubscriberArgs<{ id: string }>) {
  const service: BankTransferModuleService = container.resolve(BANK_TRANSFER_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  let orderId = event.data.id
  if (event.name.startsWith("payment.")) {
    const { data: [payment] } = await query.graph({
      entity: "payment",
      filters: { id: event.data.id },
      fields: ["id", "provider_id", "amount", "refunds.amount", "payment_collection.order.id"],
    })
    if (!payment?.provider_id?.startsWith("pp_bank-transfer_")) return
    // A partial refund leaves the order paid; only a full refund closes the expectation.
    const refunded = MathBN.sum(0, ...((payment as any).refunds ?? []).map((r: any) => r.amount))
    if (event.name === "payment.refunded" && MathBN.lt(refunded, (payment as any).amount)) return
    orderId = (payment as any).payment_collection?.order?.id
  }
  const [expectation] = orderId ? await service.listExpectations({ order_id: orderId }) : []
  if (!expectation) return

  const change: Record<string, { status: string; action: string }> = {
    "payment.captured": { status: "paid", action: "paid_by_hand_in_medusa" },
    "payment.refunded": { status: "refunded", action: "refunded_in_medusa" },
    "order.canceled": { status: "canceled", action: "order_canceled_in_medusa" },
  }
  const next = change[event.name]
  if (!next || expectation.status === next.status) return
  if (event.name === "order.canceled" && expectation.status === "paid") return
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
}

export const config: SubscriberConfig = {
  event: ["payment.captured", "payment.refunded", "order.canceled"],
  context: { subscriberId: "bank-transfer-medusa-payment-sync" },
}
