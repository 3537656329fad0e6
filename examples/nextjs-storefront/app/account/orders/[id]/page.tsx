import Link from "next/link"
import { notFound, redirect } from "next/navigation"
import { getBankTransferDetails } from "medusa-bank-transfer/storefront"
import { getCustomer, getToken, serverSdk } from "@/lib/session"
import { OrderPayment } from "@/components/OrderPayment"
import { ORDER_FIELDS, OrderSummary } from "@/components/OrderSummary"

/** One of the logged-in customer's orders; still owed money shows how to pay it. */
export default async function AccountOrder({
  params,
}: {
  params: Promise<{ id: string }>
}) {
  const { id } = await params
  const customer = await getCustomer()
  if (!customer) {
    redirect(`/login?next=/account/orders/${id}`)
  }
  const order = await (
    await serverSdk()
  ).store.order
    .retrieve(id, { fields: ORDER_FIELDS })
    .then((r) => r.order)
    .catch(() => null)
  if (!order || order.customer_id !== customer.id) {
    notFound()
  }
  const details = getBankTransferDetails(order)
  return (
    <>
      <p>
        <Link href="/account">← Your orders</Link>
      </p>
      {details && (
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
