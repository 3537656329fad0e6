import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput, MedusaContainer } from "@medusajs/framework/types"
import {
  BANK_TRANSFER_MODULE,
  type Actor,
} from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"
import { BankTransferEvents } from "../../../lib/events"
import type { PlannedEvent } from "../../common/utils/emit-events"
import { BANK_TRANSFER_PROVIDER_PREFIX } from "./load-order-for-expectation"
import {
  isPlugins,
  loadOrderPayment,
  paymentFigures,
  withOrderPaymentLock,
  type MedusaMoney,
} from "../../allocate/utils/medusa-payment"

/** A Medusa event about a payment (`payment.captured`, `payment.refunded`: the payment's id) or an order (`order.canceled`). */
export type MedusaPaymentEventInput = { name: string; id: string }

/** A bigNumber field exactly (its raw value), not the JS number the service also gives. */
const exact = (row: Record<string, any>, field: string): BigNumberInput =>
  row[`raw_${field}`] ?? row[field]

/** Who made the latest of these captures or refunds in Medusa (an admin user, as Medusa recorded). */
const madeBy = (rows: MedusaMoney[]): Actor => {
  const last = rows.filter((r) => !isPlugins(r)).at(-1)
  return { type: "admin", id: last?.created_by ?? null }
}

/**
 * When someone captures, partially captures or refunds the payment in Medusa's own payment
 * section, or cancels the order, the expectation moves by exactly those amounts, through the state
 * machine, audited with who did it (Medusa's `created_by`):
 * - a capture adds to the money received (`captured_in_medusa`): partially paid or paid;
 * - a refund adds to `amount_refunded` (money to transfer back): all of it refunded → refunded;
 * - a cancel closes the expectation: money received for it becomes `amount_to_return`.
 * The plugin's own captures and refunds (created by "bank-transfer") change nothing here. The
 * figures are re-read under the order's payment lock and only differences are applied, so a
 * repeated or out-of-order event is harmless. Returns the events to emit (money to return).
 */
export const followMedusaPaymentStep = createStep(
  "bank-transfer-follow-medusa-payment",
  async (input: MedusaPaymentEventInput, { container }) => {
    const orderId = await orderOfEvent(container, input)
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    const [expectation] = orderId
      ? await service.listExpectations({ order_id: orderId })
      : []
    if (!expectation) {
      return new StepResponse([] as PlannedEvent[])
    }
    const events: PlannedEvent[] = []
    await withOrderPaymentLock(container, expectation.order_id, async () => {
      const current = await service.retrieveExpectation(expectation.id)
      const { payment } = await loadOrderPayment(container, current.order_id)
      if (payment) {
        const f = paymentFigures(payment)
        const capturedDelta = MathBN.sub(
          f.captured_elsewhere,
          exact(current, "captured_in_medusa")
        )
        if (!MathBN.eq(capturedDelta, 0)) {
          await service.transitionExpectation({
            expectation_id: current.id,
            event: {
              type: MathBN.gt(capturedDelta, 0)
                ? "money_received"
                : "money_taken_back",
            },
            actor: madeBy(payment.captures),
            action: "captured_in_medusa",
            reason: `${capturedDelta.toString()} ${current.currency_code.toUpperCase()} captured in Medusa's payment section`,
            amounts: {
              amount_received: MathBN.add(
                exact(current, "amount_received"),
                capturedDelta
              ),
              captured_in_medusa: f.captured_elsewhere,
            },
            data: { amount: capturedDelta.toString(), payment_id: payment.id },
          })
        }
        const refundedDelta = MathBN.sub(
          f.refunded_elsewhere,
          exact(current, "amount_refunded")
        )
        if (!MathBN.eq(refundedDelta, 0)) {
          await service.transitionExpectation({
            expectation_id: current.id,
            event: { type: "money_taken_back" },
            actor: madeBy(payment.refunds),
            action: "refunded_in_medusa",
            reason: `${refundedDelta.toString()} ${current.currency_code.toUpperCase()} refunded in Medusa: to transfer back to the shopper`,
            amounts: { amount_refunded: f.refunded_elsewhere },
            data: { amount: refundedDelta.toString(), payment_id: payment.id },
          })
        }
        // Each refund made in Medusa is money to transfer back: one return item per refund id.
        await service.recordMedusaRefundItems({
          expectation: current,
          refunds: payment.refunds
            .filter((r) => !isPlugins(r))
            .map((r) => ({
              id: r.id,
              amount: r.amount,
              created_by: r.created_by,
            })),
        })
      }
      if (input.name === "order.canceled" && current.status !== "canceled") {
        await service.transitionExpectation({
          expectation_id: current.id,
          event: { type: "order_canceled" },
          actor: { type: "admin" },
          action: "order_canceled_in_medusa",
          reason: "The order was cancelled in Medusa",
        })
        const after = await service.retrieveExpectation(current.id)
        if (MathBN.gt(exact(after, "amount_to_return"), 0)) {
          events.push({
            name: BankTransferEvents.MONEY_TO_RETURN,
            data: {
              id: after.id,
              order_id: after.order_id,
              amount_to_return: String(after.amount_to_return),
            },
          })
        }
      }
    })
    return new StepResponse(events)
  }
)

/** The order a Medusa event is about, or null when it is not a bank-transfer payment's. */
async function orderOfEvent(
  container: MedusaContainer,
  input: MedusaPaymentEventInput
): Promise<string | null> {
  if (!input.name.startsWith("payment.")) {
    return input.id
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [payment],
  } = await query.graph({
    entity: "payment",
    filters: { id: input.id },
    fields: ["id", "provider_id", "payment_collection.order.id"],
  })
  if (!payment?.provider_id?.startsWith(BANK_TRANSFER_PROVIDER_PREFIX)) {
    return null
  }
  return (payment as any).payment_collection?.order?.id ?? null
}
