import { notFound } from "next/navigation"
import {
  getBankTransferDetails,
  isBankTransfer,
} from "medusa-bank-transfer/storefront"
import { getToken, serverSdk } from "@/lib/session"
import { OrderPayment } from "@/components/OrderPayment"
import { ORDER_FIELDS, OrderSummary } from "@/components/OrderSummary"

/**
 * After "Place order": the order, fetched on the server with the JS SDK (Medusa answers a guest
 * too), and, when it is paid by bank transfer, what to pay, where and with which memo, with a QR
 * code. The block follows the payment live: it turns to "Paid" once the money is in.
 */
export default async function OrderConfirmed({
  params,
}: {
  params: Promise<{ id: string }>
}) {
  const { id } = await params
  const sdk = await serverSdk()
  const order = await sdk.store.order
    .retrieve(id, { fields: ORDER_FIELDS })
    .then((r) => r.order)
    .catch(() => null)
  if (!order) {
    notFound()
  }
  // The details are written just after the order is placed: null for a moment, and the kit then
  // fetches the order again until they are there.
  const details = getBankTransferDetails(order)
  const paidByTransfer =
    details ||
    order.payment_collections?.some((pc) =>
      pc.payments?.some((p) => isBankTransfer(p.provider_id))
    )
  return (
    <>
      <h1>Thank you!</h1>
      <p>
        Your order <strong>#{order.display_id}</strong> is placed. A
        confirmation goes to {order.email}.
      </p>
      {paidByTransfer && (
        <OrderPayment
          orderId={order.id}
          details={details}
          token={await getToken()}
        />
      )}
      <OrderSummary order={order} />
    </>
  )
}
