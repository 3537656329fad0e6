import Link from "next/link"
import { redirect } from "next/navigation"
import { formatMoney, LOCALE } from "@/lib/config"
import { getCustomer, serverSdk } from "@/lib/session"

export default async function Account() {
  const customer = await getCustomer()
  if (!customer) {
    redirect("/login?next=/account")
  }
  const { orders } = await (
    await serverSdk()
  ).store.order.list({
    fields: "id,display_id,created_at,total,currency_code,payment_status",
    order: "-created_at",
    limit: 20,
  })
  return (
    <>
      <h1>Your orders</h1>
      <p>Logged in as {customer.email}.</p>
      {orders.length ? (
        <ul className="lines">
          {orders.map((o) => (
            <li key={o.id}>
              <Link href={`/account/orders/${o.id}`}>
                Order #{o.display_id}
              </Link>
              <small>
                {new Date(o.created_at as string).toLocaleDateString(
                  LOCALE === "vi" ? "vi-VN" : "en-GB"
                )}
              </small>
              <span>{formatMoney(o.total, o.currency_code)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p>No orders yet.</p>
      )}
    </>
  )
}
