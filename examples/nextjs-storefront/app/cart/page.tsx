import Link from "next/link"
import { formatMoney } from "@/lib/config"
import { getCart } from "@/lib/session"
import { updateQuantity } from "@/app/actions"

export default async function Cart() {
  const cart = await getCart()
  if (!cart?.items?.length) {
    return (
      <>
        <h1>Cart</h1>
        <p>
          Your cart is empty. <Link href="/">See the products</Link>
        </p>
      </>
    )
  }
  const money = (n?: number | null) => formatMoney(n, cart.currency_code)
  return (
    <>
      <h1>Cart</h1>
      <ul className="lines">
        {cart.items.map((item) => (
          <li key={item.id}>
            <div>
              <strong>{item.product_title}</strong>
              <small>{item.variant_title}</small>
            </div>
            <form action={updateQuantity} className="qty">
              <input type="hidden" name="line_id" value={item.id} />
              <input
                type="number"
                name="quantity"
                min={0}
                defaultValue={item.quantity}
                inputMode="numeric"
                aria-label="Quantity"
              />
              <button type="submit" className="link">
                Update
              </button>
            </form>
            <span>{money(item.total)}</span>
          </li>
        ))}
      </ul>
      <p className="total">
        Total <strong>{money(cart.total)}</strong>
      </p>
      <Link
        href="/checkout"
        className="button primary"
        data-testid="go-checkout"
      >
        Checkout
      </Link>
    </>
  )
}
