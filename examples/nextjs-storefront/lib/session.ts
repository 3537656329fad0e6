// Server-side only: cookies and the SDK as the logged-in customer.
import { cookies } from "next/headers"
import { createSdk } from "./config"

const TOKEN = "medusa_jwt"
const CART = "medusa_cart_id"
const cookieOptions = {
  httpOnly: true,
  sameSite: "lax" as const,
  secure:
    process.env.NODE_ENV === "production" && !process.env.INSECURE_COOKIES,
  path: "/",
  maxAge: 60 * 60 * 24 * 7,
}

export async function getToken() {
  return (await cookies()).get(TOKEN)?.value ?? null
}
export async function setToken(token: string) {
  ;(await cookies()).set(TOKEN, token, cookieOptions)
}
export async function clearToken() {
  ;(await cookies()).delete(TOKEN)
}
export async function getCartId() {
  return (await cookies()).get(CART)?.value ?? null
}
export async function setCartId(id: string) {
  ;(await cookies()).set(CART, id, cookieOptions)
}
export async function clearCartId() {
  ;(await cookies()).delete(CART)
}

/** The SDK for this request: logged in as the customer when the token cookie is there. */
export async function serverSdk() {
  return createSdk(await getToken())
}

/** The logged-in customer, or null (no token, or an expired one). */
export async function getCustomer() {
  if (!(await getToken())) {
    return null
  }
  try {
    const { customer } = await (await serverSdk()).store.customer.retrieve()
    return customer
  } catch {
    return null
  }
}

/** The shop's region: the first one (the demo shop has one, Vietnam, in VND). */
export async function getRegion() {
  const { regions } = await createSdk().store.region.list()
  if (!regions.length) {
    throw new Error("The Medusa shop has no region")
  }
  return regions[0]
}

export const CART_FIELDS =
  "*items,*items.variant,*shipping_address,*shipping_methods,*payment_collection,*payment_collection.payment_sessions,*region,*region.countries"

/** The current cart, or null. */
export async function getCart() {
  const id = await getCartId()
  if (!id) {
    return null
  }
  try {
    const { cart } = await (
      await serverSdk()
    ).store.cart.retrieve(id, {
      fields: CART_FIELDS,
    })
    return cart.completed_at ? null : cart
  } catch {
    return null
  }
}
