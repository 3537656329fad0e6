import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"
import type { IPaymentModuleService } from "@medusajs/framework/types"
import { BANK_TRANSFER_MODULE } from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"
import { paymentDetails } from "../../../lib/expect/payment-details"
import { BANK_TRANSFER_PROVIDER_PREFIX } from "./load-order-for-expectation"

type Saved = {
  payments: { id: string; data: Record<string, unknown> | null }[]
  sessions: {
    id: string
    data: Record<string, unknown>
    amount: unknown
    currency_code: string
    status: string
  }[]
}

/**
 * Writes how to pay (reference, memo, accounts, VietQR, deadline, payment page; see
 * `paymentDetails`) into `data.bank_transfer` of the order's bank-transfer payment and payment
 * session, where storefronts already read an order's payment. Compensation puts the data back.
 */
export const recordPaymentDetailsStep = createStep(
  "bank-transfer-record-payment-details",
  async (
    {
      expectation,
    }: {
      expectation: { payment_collection_id: string | null; page_token: string }
    },
    { container }
  ) => {
    const saved: Saved = { payments: [], sessions: [] }
    if (!expectation?.payment_collection_id) {
      return new StepResponse(saved, saved)
    }
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    const payment: IPaymentModuleService = container.resolve(Modules.PAYMENT)
    const bank_transfer = await paymentDetails(
      expectation as any,
      await service.loadOptions()
    )
    const [collection] = await payment.listPaymentCollections(
      { id: expectation.payment_collection_id },
      { relations: ["payments", "payment_sessions"] }
    )
    const ours = (p: { provider_id: string }) =>
      p.provider_id.startsWith(BANK_TRANSFER_PROVIDER_PREFIX)
    for (const p of (collection?.payments ?? []).filter(ours)) {
      saved.payments.push({ id: p.id, data: p.data ?? null })
      await payment.updatePayment({
        id: p.id,
        data: { ...(p.data ?? {}), bank_transfer },
      } as any)
    }
    for (const s of (collection?.payment_sessions ?? []).filter(ours)) {
      saved.sessions.push({
        id: s.id,
        data: s.data ?? {},
        amount: (s as { raw_amount?: unknown }).raw_amount ?? s.amount,
        currency_code: s.currency_code,
        status: s.status,
      })
      // The status is given: the provider's update answers "pending", the session is authorised.
      await payment.updatePaymentSession({
        id: s.id,
        status: s.status,
        data: { ...(s.data ?? {}), bank_transfer },
        amount: ((s as { raw_amount?: unknown }).raw_amount ?? s.amount) as any,
        currency_code: s.currency_code,
      })
    }
    return new StepResponse(saved, saved)
  },
  async (saved, { container }) => {
    if (!saved) {
      return
    }
    const payment: IPaymentModuleService = container.resolve(Modules.PAYMENT)
    for (const p of saved.payments) {
      await payment.updatePayment({ id: p.id, data: p.data } as any)
    }
    for (const s of saved.sessions) {
      await payment.updatePaymentSession({
        id: s.id,
        status: s.status as any,
        data: s.data,
        amount: s.amount as any,
        currency_code: s.currency_code,
      })
    }
  }
)
