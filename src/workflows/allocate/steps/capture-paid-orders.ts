import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  ContainerRegistrationKeys,
  MathBN,
  Modules,
} from "@medusajs/framework/utils"
import { capturePaymentWorkflow } from "@medusajs/medusa/core-flows"
import { BANK_TRANSFER_PROVIDER_PREFIX } from "../../expect/steps/load-order-for-expectation"
import type { AllocationResult } from "../../../modules/bank-transfer"

const sum = (values: unknown[]) =>
  values.reduce<any>(
    (total, v) => MathBN.add(total, (v as any) ?? 0),
    MathBN.convert(0)
  )

/**
 * Captures the Medusa payment of every order that just became paid, through Medusa's own capture
 * workflow, so that the order shows as paid everywhere. A failure throws, and the workflow's
 * compensation removes the allocations made before it.
 *
 * Medusa's capture is several commits (the capture row, then the payment marked captured, then the
 * payment collection and the order's transactions). When a run stopped half-way and is finished
 * later (`resumed`), the capture is completed from where it stopped, never made twice.
 */
export const capturePaidOrdersStep = createStep(
  "bank-transfer-capture-paid-orders",
  async (result: AllocationResult, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const paid = result.expectations.filter(
      (e) => e.status === "paid" && e.previous_status !== "paid"
    )
    const captured: string[] = []
    for (const e of paid) {
      const {
        data: [order],
      } = await query.graph({
        entity: "order",
        filters: { id: e.order_id },
        fields: [
          "id",
          "payment_collections.id",
          "payment_collections.captured_amount",
          "payment_collections.payments.id",
          "payment_collections.payments.amount",
          "payment_collections.payments.data",
          "payment_collections.payments.provider_id",
          "payment_collections.payments.captured_at",
          "payment_collections.payments.canceled_at",
          "payment_collections.payments.captures.id",
          "payment_collections.payments.captures.amount",
          "transactions.reference",
          "transactions.reference_id",
        ],
      })
      // The captures the order has recorded as transactions (the capture workflow's last write).
      const onOrder = new Set(
        ((order as any)?.transactions ?? [])
          .filter((t: any) => t?.reference === "capture")
          .map((t: any) => t.reference_id)
      )
      const payments = (order?.payment_collections ?? []).flatMap((pc: any) => {
        // What the collection says was captured, and what its payments' captures add up to.
        const recorded = pc?.captured_amount ?? 0
        const captures = sum(
          (pc?.payments ?? []).flatMap((p: any) =>
            (p?.captures ?? []).map((c: any) => c?.amount)
          )
        )
        return (pc?.payments ?? []).map((p: any) => ({
          ...p,
          collection_stale:
            MathBN.lt(recorded, captures) ||
            (p?.captures ?? []).some((c: any) => !onOrder.has(c?.id)),
        }))
      })
      const ours = payments.filter(
        (p: any) =>
          p?.provider_id?.startsWith(BANK_TRANSFER_PROVIDER_PREFIX) &&
          !p.canceled_at
      )
      const payment = ours.find((p: any) => !p.captured_at)
      if (payment) {
        const already = sum((payment.captures ?? []).map((c: any) => c?.amount))
        if (MathBN.gt(already, 0) && MathBN.gte(already, payment.amount)) {
          // A capture interrupted after Medusa stored it, before it marked the payment captured:
          // mark it, and let the capture workflow finish the rest (it creates no second capture).
          const now = new Date()
          // (UpdatePaymentDTO does not declare captured_at; the payment module stores any of its fields.)
          await container.resolve(Modules.PAYMENT).updatePayment({
            id: payment.id,
            captured_at: now,
            data: { ...(payment.data ?? {}), captured_at: now.toISOString() },
          } as any)
          await capturePaymentWorkflow(container).run({
            input: { payment_id: payment.id },
          })
        } else {
          await capturePaymentWorkflow(container).run({
            input: { payment_id: payment.id },
          })
        }
        captured.push(payment.id)
        continue
      }
      if (result.resumed) {
        // Captured, but the capture workflow may have stopped before the payment collection or the
        // order recorded it (a capture with no order transaction): run on a captured payment, it
        // completes exactly that, once (Medusa's order transaction step skips what exists).
        const stale = ours.find((p: any) => p.captured_at && p.collection_stale)
        if (stale) {
          await capturePaymentWorkflow(container).run({
            input: { payment_id: stale.id },
          })
          captured.push(stale.id)
        }
      }
      // Otherwise captured by hand already, or canceled: nothing to do.
    }
    return new StepResponse(captured)
  }
)
