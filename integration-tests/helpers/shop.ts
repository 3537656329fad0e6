import type { AxiosInstance } from "axios"
import type { MedusaContainer } from "@medusajs/framework/types"
import {
  seedShop,
  SeededShop,
  BANK_TRANSFER_PROVIDER_ID,
} from "../../dev/seed-shop"

export { seedShop, BANK_TRANSFER_PROVIDER_ID }
export type { SeededShop }

export const ADMIN = { email: "admin@test.local", password: "supersecret" }

/** An admin user and a bearer token for /admin routes. */
export async function adminHeaders(
  api: AxiosInstance,
  container: MedusaContainer
) {
  const { createUserAccountWorkflow } =
    await import("@medusajs/medusa/core-flows")
  const auth = container.resolve("auth") as any
  const { authIdentity } = await auth.register("emailpass", { body: ADMIN })
  await createUserAccountWorkflow(container).run({
    input: {
      authIdentityId: authIdentity.id,
      userData: { email: ADMIN.email },
    },
  })
  const { data } = await api.post("/auth/user/emailpass", ADMIN)
  return { headers: { Authorization: `Bearer ${data.token}` } }
}

/** Registers a shopper and returns headers for /store routes as that shopper. */
export async function customerHeaders(
  api: AxiosInstance,
  shop: SeededShop,
  email: string,
  extra: Record<string, unknown> = {}
) {
  const pk = { "x-publishable-api-key": shop.publishable_key }
  const { data: reg } = await api.post("/auth/customer/emailpass/register", {
    email,
    password: "secret123",
  })
  await api.post(
    "/store/customers",
    { email, first_name: "Nguyen", last_name: "Van A", ...extra },
    { headers: { ...pk, Authorization: `Bearer ${reg.token}` } }
  )
  const { data: login } = await api.post("/auth/customer/emailpass", {
    email,
    password: "secret123",
  })
  return { headers: { ...pk, Authorization: `Bearer ${login.token}` } }
}

export type CheckoutOptions = {
  provider_id?: string
  variant_id?: string
  quantity?: number
  billing?: Record<string, unknown>
  /** The cart's locale (BCP 47, e.g. "en-US"); Medusa copies it to the order. */
  locale?: string
}

/** The whole storefront checkout through the Store API; returns the placed order. */
export async function placeOrder(
  api: AxiosInstance,
  shop: SeededShop,
  headers: { headers: Record<string, string> },
  opts: CheckoutOptions = {}
) {
  const address = {
    first_name: "Nguyen",
    last_name: "Van A",
    address_1: "12 Hang Bai",
    city: "Ha Noi",
    country_code: "vn",
    phone: "0912345678",
    ...(opts.billing ?? {}),
  }
  const { data: c } = await api.post(
    "/store/carts",
    {
      region_id: shop.region_id,
      ...(opts.locale ? { locale: opts.locale } : {}),
    },
    headers
  )
  const cartId = c.cart.id
  await api.post(
    `/store/carts/${cartId}/line-items`,
    {
      variant_id: opts.variant_id ?? shop.digital_variant_id,
      quantity: opts.quantity ?? 1,
    },
    headers
  )
  await api.post(
    `/store/carts/${cartId}`,
    { shipping_address: address, billing_address: address },
    headers
  )
  await api.post(
    `/store/carts/${cartId}/shipping-methods`,
    { option_id: shop.shipping_option_id },
    headers
  )
  const { data: pc } = await api.post(
    "/store/payment-collections",
    { cart_id: cartId },
    headers
  )
  const { data: session } = await api.post(
    `/store/payment-collections/${pc.payment_collection.id}/payment-sessions`,
    { provider_id: opts.provider_id ?? BANK_TRANSFER_PROVIDER_ID },
    headers
  )
  const { data: done } = await api.post(
    `/store/carts/${cartId}/complete`,
    {},
    headers
  )
  if (done.type !== "order") {
    throw new Error(
      `Cart did not complete: ${JSON.stringify(done.error ?? done)}`
    )
  }
  return { order: done.order, payment_collection: session.payment_collection }
}

/**
 * A new shopper places an order paid by bank transfer; returns the order, the shopper's headers
 * and the order's payment instructions (`bt`: reference, memo, amounts, accounts).
 */
export async function placeBankTransferOrder(
  api: AxiosInstance,
  shop: SeededShop,
  email: string
) {
  const buyer = await customerHeaders(api, shop, email)
  const { order } = await placeOrder(api, shop, buyer)
  const { data } = await api.get(
    `/store/bank-transfer/orders/${order.id}`,
    buyer
  )
  return { order, buyer, bt: data.bank_transfer }
}

/** Uploads a statement file for preview (multipart field "file"); answers the response, errors included. */
export function uploadStatement(
  api: AxiosInstance,
  admin: { headers: Record<string, string> },
  content: Buffer | string,
  name: string,
  fields: Record<string, string> = {}
) {
  const form = new FormData()
  form.append("file", new Blob([content]), name)
  for (const [k, v] of Object.entries(fields)) {
    form.append(k, v)
  }
  return api
    .post("/admin/bank-transfer/imports", form, admin)
    .catch((e) => e.response)
}
