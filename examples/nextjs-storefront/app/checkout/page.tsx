import Link from "next/link"
import { redirect } from "next/navigation"
import { formatMoney } from "@/lib/config"
import { getCart, getCustomer, serverSdk } from "@/lib/session"
import { ActionForm } from "@/components/ActionForm"
import { PaymentMethods } from "@/components/PaymentMethods"
import { placeOrder, saveAddress, setShipping } from "@/app/actions"

/**
 * One page, three steps, each a form posted to a server action: contact and address, shipping
 * option (listed once the address is known), payment method and "Place order".
 */
export default async function Checkout() {
  const [cart, customer] = await Promise.all([getCart(), getCustomer()])
  if (!cart?.items?.length) {
    redirect("/cart")
  }
  const sdk = await serverSdk()
  const money = (n?: number | null) => formatMoney(n, cart.currency_code)
  const address = cart.shipping_address
  const hasAddress = !!(cart.email && address?.address_1)
  const { shipping_options } = hasAddress
    ? await sdk.store.fulfillment.listCartOptions({ cart_id: cart.id })
    : { shipping_options: [] }
  const chosenOption = cart.shipping_methods?.[0]?.shipping_option_id
  const { payment_providers } = chosenOption
    ? await sdk.store.payment.listPaymentProviders({
        region_id: cart.region_id!,
      })
    : { payment_providers: [] }
  const countries = cart.region?.countries ?? []

  return (
    <>
      <h1>Checkout</h1>

      <section className="step">
        <h2>1. Contact and address</h2>
        <ActionForm
          action={saveAddress}
          submit={hasAddress ? "Update address" : "Continue"}
          testId="address-form"
        >
          <label>
            Email
            <input
              type="email"
              name="email"
              required
              autoComplete="email"
              defaultValue={cart.email ?? customer?.email ?? ""}
            />
          </label>
          <div className="row">
            <label>
              First name
              <input
                name="first_name"
                required
                autoComplete="given-name"
                defaultValue={address?.first_name ?? customer?.first_name ?? ""}
              />
            </label>
            <label>
              Last name
              <input
                name="last_name"
                required
                autoComplete="family-name"
                defaultValue={address?.last_name ?? customer?.last_name ?? ""}
              />
            </label>
          </div>
          <label>
            Address
            <input
              name="address_1"
              required
              autoComplete="address-line1"
              defaultValue={address?.address_1 ?? ""}
            />
          </label>
          <div className="row">
            <label>
              City
              <input
                name="city"
                required
                autoComplete="address-level2"
                defaultValue={address?.city ?? ""}
              />
            </label>
            <label>
              Country
              <select
                name="country_code"
                defaultValue={
                  address?.country_code ?? countries[0]?.iso_2 ?? ""
                }
              >
                {countries.map((c) => (
                  <option key={c.iso_2} value={c.iso_2 ?? ""}>
                    {c.display_name}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <label>
            Phone
            <input
              type="tel"
              name="phone"
              autoComplete="tel"
              defaultValue={address?.phone ?? customer?.phone ?? ""}
            />
          </label>
        </ActionForm>
      </section>

      {hasAddress && (
        <section className="step">
          <h2>2. Shipping</h2>
          <ActionForm
            action={setShipping}
            submit={chosenOption ? "Change shipping" : "Continue"}
            testId="shipping-form"
          >
            <fieldset className="choices">
              <legend>Shipping option</legend>
              {shipping_options.map((o, i) => (
                <label key={o.id} className="choice">
                  <input
                    type="radio"
                    name="option_id"
                    value={o.id}
                    required
                    defaultChecked={
                      chosenOption ? o.id === chosenOption : i === 0
                    }
                  />
                  {o.name}
                  <span className="price">{money(o.amount)}</span>
                </label>
              ))}
            </fieldset>
          </ActionForm>
        </section>
      )}

      {chosenOption && (
        <section className="step">
          <h2>3. Payment</h2>
          <dl className="summary">
            <dt>Items</dt>
            <dd>{money(cart.item_total)}</dd>
            <dt>Shipping</dt>
            <dd>{money(cart.shipping_total)}</dd>
            <dt>Total</dt>
            <dd>
              <strong>{money(cart.total)}</strong>
            </dd>
          </dl>
          <ActionForm
            action={placeOrder}
            submit="Place order"
            testId="payment-form"
          >
            <PaymentMethods providers={payment_providers} />
          </ActionForm>
        </section>
      )}
      <p>
        <Link href="/cart">Back to the cart</Link>
      </p>
    </>
  )
}
