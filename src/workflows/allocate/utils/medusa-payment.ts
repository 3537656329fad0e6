import {
  ContainerRegistrationKeys,
  MathBN,
  Modules,
} from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { BigNumberInput } from "@medusajs/framework/types"
import { BANK_TRANSFER_PROVIDER_PREFIX } from "../../expect/steps/load-order-for-expectation"

/**
 * `captured_by` / `created_by` of every capture and refund the plugin makes in Medusa. What
 * anyone else made (an admin in Medusa's payment section, Medusa's cancel) is told apart by it.
 */
export const PLUGIN_ACTOR = "bank-transfer"

/**
 * `created_by` of a refund the accountant recorded for money to return (a return item): it sends
 * money back, it does not take an allocation off the order, so payment syncing leaves it alone.
 */
export const RETURN_REFUND_ACTOR = `${PLUGIN_ACTOR}:return`

const isReturnRefund = (row: { created_by?: string | null }) =>
  (row?.created_by ?? "").startsWith(RETURN_REFUND_ACTOR)

export const isPlugins = (row: { created_by?: string | null }) =>
  (row?.created_by ?? "").startsWith(PLUGIN_ACTOR)

export const sum = (values: unknown[]) =>
  values.reduce<any>(
    (total, v) => MathBN.add(total, (v as BigNumberInput) ?? 0),
    MathBN.convert(0)
  )

export type MedusaMoney = {
  created_by?: string | null
  amount: BigNumberInput
  id: string
  note?: string | null
}

/** The order's bank-transfer payment in Medusa, with what was captured and refunded, by whom. */
export type OrderPayment = {
  order_id: string
  payment: {
    id: string
    amount: BigNumberInput
    data: Record<string, unknown> | null
    captured_at: Date | string | null
    canceled_at: Date | string | null
    captures: MedusaMoney[]
    refunds: MedusaMoney[]
  } | null
  /** The collection records fewer captures than the payment has (a capture run cut short). */
  collection_stale: boolean
  /** Capture ids the order records as transactions. */
  order_capture_ids: Set<string>
}

/** Reads an order's bank-transfer payment (the last one not cancelled) through Query. */
export async function loadOrderPayment(
  container: MedusaContainer,
  orderId: string
): Promise<OrderPayment> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({
    entity: "order",
    filters: { id: orderId },
    fields: [
      "id",
      "payment_collections.captured_amount",
      "payment_collections.payments.id",
      "payment_collections.payments.amount",
      "payment_collections.payments.data",
      "payment_collections.payments.provider_id",
      "payment_collections.payments.captured_at",
      "payment_collections.payments.canceled_at",
      "payment_collections.payments.captures.id",
      "payment_collections.payments.captures.amount",
      "payment_collections.payments.captures.created_by",
      "payment_collections.payments.refunds.id",
      "payment_collections.payments.refunds.amount",
      "payment_collections.payments.refunds.created_by",
      "payment_collections.payments.refunds.note",
      "transactions.reference",
      "transactions.reference_id",
    ],
  })
  const order_capture_ids = new Set<string>(
    ((order as any)?.transactions ?? [])
      .filter((t: any) => t?.reference === "capture")
      .map((t: any) => t.reference_id)
  )
  let found: OrderPayment["payment"] = null
  let collection_stale = false
  for (const pc of (order as any)?.payment_collections ?? []) {
    for (const p of pc?.payments ?? []) {
      if (!p?.provider_id?.startsWith(BANK_TRANSFER_PROVIDER_PREFIX)) {
        continue
      }
      if (p.canceled_at && found) {
        continue
      }
      found = {
        id: p.id,
        amount: p.amount,
        data: p.data ?? null,
        captured_at: p.captured_at ?? null,
        canceled_at: p.canceled_at ?? null,
        captures: (p.captures ?? []).filter(Boolean),
        refunds: (p.refunds ?? []).filter(Boolean),
      }
      const captured = sum(found.captures.map((c) => c.amount))
      collection_stale =
        MathBN.lt(pc?.captured_amount ?? 0, captured) ||
        found.captures.some((c) => !order_capture_ids.has(c.id))
    }
  }
  return {
    order_id: orderId,
    payment: found,
    collection_stale,
    order_capture_ids,
  }
}

/** Captures and refunds on the payment, the plugin's and everyone else's (decimal BigNumbers). */
export function paymentFigures(payment: NonNullable<OrderPayment["payment"]>) {
  const ours = (rows: MedusaMoney[], mine: boolean) =>
    sum(rows.filter((r) => isPlugins(r) === mine).map((r) => r.amount))
  return {
    captured_by_plugin: ours(payment.captures, true),
    // Refunds of money to return are not allocations taken back: left out of the plugin's net.
    refunded_by_plugin: ours(
      payment.refunds.filter((r) => !isReturnRefund(r)),
      true
    ),
    refunded_for_returns: sum(
      payment.refunds.filter(isReturnRefund).map((r) => r.amount)
    ),
    captured_elsewhere: ours(payment.captures, false),
    refunded_elsewhere: ours(payment.refunds, false),
    captured: sum(payment.captures.map((c) => c.amount)),
  }
}

/** The locking module's key under which one order's Medusa payment is brought in line. */
export const orderPaymentLockKey = (orderId: string) =>
  `bank-transfer:order-payment:${orderId}`

/** Runs `job` holding the order's payment lock (Redis-backed across instances when configured). */
export async function withOrderPaymentLock<T>(
  container: MedusaContainer,
  orderId: string,
  job: () => Promise<T>
): Promise<T> {
  const locking = container.resolve(Modules.LOCKING)
  return locking.execute(orderPaymentLockKey(orderId), job, { timeout: 30 })
}
