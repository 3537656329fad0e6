"use server"

import { redirect } from "next/navigation"
import { revalidatePath } from "next/cache"
import { createSdk } from "@/lib/config"
import {
  CART_FIELDS,
  clearCartId,
  clearToken,
  getCartId,
  getRegion,
  serverSdk,
  setCartId,
  setToken,
} from "@/lib/session"

export type FormState = { error?: string } | undefined

const text = (form: FormData, name: string) =>
  String(form.get(name) ?? "").trim()
const messageOf = (e: unknown) =>
  e instanceof Error ? e.message : "Something went wrong"

/** The open cart's id, creating a cart (for the logged-in customer, if any) when there is none. */
async function ensureCart() {
  const sdk = await serverSdk()
  const id = await getCartId()
  if (id) {
    const { cart } = await sdk.store.cart
      .retrieve(id, { fields: "id,completed_at" })
      .catch(() => ({ cart: null }))
    if (cart && !cart.completed_at) {
      return cart.id
    }
  }
  const region = await getRegion()
  const { cart } = await sdk.store.cart.create({ region_id: region.id })
  await setCartId(cart.id)
  return cart.id
}

export async function addToCart(
  _: FormState,
  form: FormData
): Promise<FormState> {
  try {
    const cartId = await ensureCart()
    await (
      await serverSdk()
    ).store.cart.createLineItem(cartId, {
      variant_id: text(form, "variant_id"),
      quantity: Math.max(1, Number(text(form, "quantity") || 1)),
    })
  } catch (e) {
    return { error: messageOf(e) }
  }
  redirect("/cart")
}

export async function updateQuantity(form: FormData) {
  const cartId = await getCartId()
  if (!cartId) {
    return
  }
  const sdk = await serverSdk()
  const lineId = text(form, "line_id")
  const quantity = Number(text(form, "quantity"))
  if (quantity > 0) {
    await sdk.store.cart.updateLineItem(cartId, lineId, { quantity })
  } else {
    await sdk.store.cart.deleteLineItem(cartId, lineId)
  }
  revalidatePath("/cart")
}

export async function saveAddress(
  _: FormState,
  form: FormData
): Promise<FormState> {
  const cartId = await getCartId()
  if (!cartId) {
    redirect("/cart")
  }
  const address = {
    first_name: text(form, "first_name"),
    last_name: text(form, "last_name"),
    address_1: text(form, "address_1"),
    city: text(form, "city"),
    country_code: text(form, "country_code"),
    phone: text(form, "phone"),
  }
  try {
    await (
      await serverSdk()
    ).store.cart.update(cartId, {
      email: text(form, "email"),
      shipping_address: address,
      billing_address: address,
    })
  } catch (e) {
    return { error: messageOf(e) }
  }
  revalidatePath("/checkout")
}

export async function setShipping(
  _: FormState,
  form: FormData
): Promise<FormState> {
  const cartId = await getCartId()
  if (!cartId) {
    redirect("/cart")
  }
  try {
    await (
      await serverSdk()
    ).store.cart.addShippingMethod(cartId, {
      option_id: text(form, "option_id"),
    })
  } catch (e) {
    return { error: messageOf(e) }
  }
  revalidatePath("/checkout")
}

/**
 * Places the order: a payment session with the chosen provider, then `cart.complete`. A bank
 * transfer is placed without money received (like Medusa's manual provider); the order-confirmed
 * page then shows what to pay.
 */
export async function placeOrder(
  _: FormState,
  form: FormData
): Promise<FormState> {
  const cartId = await getCartId()
  if (!cartId) {
    redirect("/cart")
  }
  let orderId: string
  try {
    const sdk = await serverSdk()
    const { cart } = await sdk.store.cart.retrieve(cartId, {
      fields: CART_FIELDS,
    })
    await sdk.store.payment.initiatePaymentSession(cart, {
      provider_id: text(form, "provider_id"),
    })
    const result = await sdk.store.cart.complete(cartId)
    if (result.type !== "order") {
      return { error: result.error?.message ?? "The order could not be placed" }
    }
    orderId = result.order.id
  } catch (e) {
    return { error: messageOf(e) }
  }
  await clearCartId()
  redirect(`/order/${orderId}/confirmed`)
}

export async function login(_: FormState, form: FormData): Promise<FormState> {
  const email = text(form, "email")
  const password = text(form, "password")
  try {
    const sdk = createSdk()
    if (form.get("register")) {
      // A new account: the auth identity, then the customer it logs in as.
      const registration = await sdk.auth.register("customer", "emailpass", {
        email,
        password,
      })
      await createSdk(registration).store.customer.create({
        email,
        first_name: text(form, "first_name") || undefined,
        last_name: text(form, "last_name") || undefined,
      })
    }
    const token = await sdk.auth.login("customer", "emailpass", {
      email,
      password,
    })
    if (typeof token !== "string") {
      return {
        error: "This login needs another step, which this example does not do",
      }
    }
    await setToken(token)
    // An open cart becomes the customer's.
    const cartId = await getCartId()
    if (cartId) {
      await createSdk(token)
        .store.cart.transferCart(cartId)
        .catch(() => {})
    }
  } catch (e) {
    return { error: messageOf(e) }
  }
  // Only a path of this site (not "//elsewhere.example").
  const next = text(form, "next")
  redirect(/^\/(?![/\\])/.test(next) ? next : "/account")
}

export async function logout() {
  await clearToken()
  await clearCartId()
  redirect("/")
}
