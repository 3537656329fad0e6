import type { HttpTypes } from "@medusajs/types"
import { formatMoney } from "@/lib/config"

/** What was ordered: lines, totals, where it goes. */
export function OrderSummary({ order }: { order: HttpTypes.StoreOrder }) {
  const money = (n?: number | null) => formatMoney(n, order.currency_code)
  return (
    <section className="step">
      <h2>Order #{order.display_id}</h2>
      <ul className="lines">
        {order.items?.map((item) => (
          <li key={item.id}>
            <div>
              <strong>{item.product_title}</strong>
              <small>
                {item.variant_title} × {item.quantity}
              </small>
            </div>
            <span>{money(item.total)}</span>
          </li>
        ))}
      </ul>
      <dl className="summary">
        <dt>Shipping</dt>
        <dd>{money(order.shipping_total)}</dd>
        <dt>Total</dt>
        <dd>
          <strong>{money(order.total)}</strong>
        </dd>
        <dt>Email</dt>
        <dd>{order.email}</dd>
        {order.shipping_address && (
          <>
            <dt>Ship to</dt>
            <dd>
              {order.shipping_address.first_name}{" "}
              {order.shipping_address.last_name},{" "}
              {order.shipping_address.address_1}, {order.shipping_address.city}
            </dd>
          </>
        )}
      </dl>
    </section>
  )
}

/** The order with its payments (where the bank transfer's details are), or null. */
export const ORDER_FIELDS =
  "+customer_id,*items,*shipping_address,*payment_collections,*payment_collections.payments"
