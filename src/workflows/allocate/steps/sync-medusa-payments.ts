import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MathBN, MedusaError, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import {
  capturePaymentWorkflow,
  refundPaymentWorkflow,
} from "@medusajs/medusa/core-flows"
import { BANK_TRANSFER_MODULE } from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"
import {
  loadOrderPayment,
  paymentFigures,
  PLUGIN_ACTOR,
  sum,
  withOrderPaymentLock,
  type OrderPayment,
} from "../utils/medusa-payment"

export type PaymentSyncInput = {
  expectation_ids: string[]
  /** Finishing a run a crash cut short: a capture Medusa stored half-way is completed. */
  resumed?: boolean
  /** The refund's note when money is taken back (an undo). */
  reason?: string
}

export type PaymentSyncOutcome = {
  expectation_id: string
  order_id: string
  /** Decimal strings in the order's currency: what this run captured or refunded in Medusa. */
  captured: string
  refunded: string
  /** Medusa refused: the expectation needs attention (newly: it was not flagged before). */
  error: string | null
  newly_flagged: boolean
  recovered: boolean
}

/**
 * Brings each order's Medusa payment in line with the money the plugin applied to it: every
 * allocation is captured as it lands (partial captures for partial payments, so Medusa's paid
 * total is the money received up to the order total; a paid order in full, write-off included),
 * and money taken back by an undo is refunded with a note. Captures and refunds made in Medusa's own admin are left alone (they are told apart
 * by `created_by`) and counted: the plugin captures at most what they left.
 *
 * Idempotent: it captures or refunds only the difference, under a per-order lock, so a repeated
 * run, the sweep finishing a crashed one, or two transfers paying one order at once never capture
 * twice. When Medusa refuses, nothing is rolled back (the money did arrive): the expectation goes
 * to `needs_attention` with Medusa's error, once, and the accountant retries
 * (POST /admin/bank-transfer/orders/:order_id/retry-capture). Never throws for a Medusa refusal.
 */
export const syncMedusaPaymentsStep = createStep(
  "bank-transfer-sync-medusa-payments",
  async (input: PaymentSyncInput, { container }) => {
    const outcomes: PaymentSyncOutcome[] = []
    for (const id of [...new Set(input.expectation_ids ?? [])]) {
      outcomes.push(await syncOne(container, id, input))
    }
    return new StepResponse(outcomes)
  }
)

async function syncOne(
  container: MedusaContainer,
  expectationId: string,
  input: PaymentSyncInput
): Promise<PaymentSyncOutcome> {
  const service: BankTransferModuleService =
    container.resolve(BANK_TRANSFER_MODULE)
  const expectation = await service.retrieveExpectation(expectationId)
  const outcome: PaymentSyncOutcome = {
    expectation_id: expectation.id,
    order_id: expectation.order_id,
    captured: "0",
    refunded: "0",
    error: null,
    newly_flagged: false,
    recovered: false,
  }
  try {
    await withOrderPaymentLock(container, expectation.order_id, async () => {
      const allocations = await service.listAllocations({
        expectation_id: expectation.id,
        reversed_at: null,
      })
      const allocated = sum(allocations.map((a) => a.raw_amount ?? a.amount))
      let state = await loadOrderPayment(container, expectation.order_id)
      if (!state.payment) {
        if (MathBN.gt(allocated, 0)) {
          throw new MedusaError(
            MedusaError.Types.NOT_FOUND,
            "The order has no bank-transfer payment in Medusa to capture"
          )
        }
        return
      }
      if (await completeCutShortCapture(container, state, input.resumed)) {
        state = await loadOrderPayment(container, expectation.order_id)
      }
      const payment = state.payment!
      const f = paymentFigures(payment)
      const pluginNet = MathBN.sub(f.captured_by_plugin, f.refunded_by_plugin)
      // Medusa captures at most the payment's amount: what others captured comes first. A paid
      // order is captured in full: what the write-off forgave is the merchant's, not the shopper's
      // debt, and Medusa then shows the order paid like the plugin does.
      const capturable = MathBN.sub(payment.amount, f.captured_elsewhere)
      const { status } = await service.retrieveExpectation(expectation.id)
      const target = MathBN.max(
        status === "paid" ? capturable : MathBN.min(allocated, capturable),
        0
      )
      if (MathBN.gt(target, pluginNet)) {
        const amount = MathBN.sub(target, pluginNet)
        if (payment.canceled_at) {
          throw new MedusaError(
            MedusaError.Types.NOT_ALLOWED,
            "The order's payment was canceled in Medusa: the money received cannot be captured"
          )
        }
        await capturePaymentWorkflow(container).run({
          input: {
            payment_id: payment.id,
            amount: amount.toString(),
            captured_by: PLUGIN_ACTOR,
          },
        })
        outcome.captured = amount.toString()
      } else if (MathBN.lt(target, pluginNet)) {
        const amount = MathBN.sub(pluginNet, target)
        await refundPaymentWorkflow(container).run({
          input: {
            payment_id: payment.id,
            amount: amount.toString(),
            created_by: PLUGIN_ACTOR,
            note:
              input.reason ??
              "Bank transfer: money taken back off the order (allocation undone)",
          },
        })
        outcome.refunded = amount.toString()
      }
    })
    if (expectation.status === "needs_attention") {
      await service.transitionExpectation({
        expectation_id: expectation.id,
        event: { type: "capture_recovered" },
        actor: { type: "system" },
        action: "capture_recovered",
        reason: "Medusa's payment agrees with the money received again",
      })
      outcome.recovered = true
    }
  } catch (e) {
    outcome.error = (e as Error)?.message ?? String(e)
    const moved = await service.transitionExpectation({
      expectation_id: expectation.id,
      event: { type: "capture_failed" },
      actor: { type: "system" },
      action: "capture_failed",
      reason: outcome.error,
      attention_reason: outcome.error,
    })
    outcome.newly_flagged = moved.from !== "needs_attention"
  }
  return outcome
}

/**
 * Medusa's capture is several commits (the capture row, then the payment marked captured, then
 * the collection and the order's transactions). A run cut short between them is completed here,
 * never captured twice: returns whether anything was done.
 */
async function completeCutShortCapture(
  container: MedusaContainer,
  state: OrderPayment,
  resumed?: boolean
): Promise<boolean> {
  const payment = state.payment!
  const captured = sum(payment.captures.map((c) => c.amount))
  if (
    !payment.captured_at &&
    MathBN.gt(captured, 0) &&
    MathBN.gte(captured, payment.amount)
  ) {
    // Stored in full but not marked captured: mark it, and let the capture workflow finish the
    // rest (on a captured payment it creates no second capture).
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
    return true
  }
  if (resumed && payment.captured_at && state.collection_stale) {
    // Captured, but the collection or the order did not record it yet: run on a captured payment,
    // the capture workflow completes exactly that, once.
    await capturePaymentWorkflow(container).run({
      input: { payment_id: payment.id },
    })
    return true
  }
  return false
}
