// Plain-fetch helpers for the browser tests: an admin token, a storefront checkout paid by bank
// transfer, simulated transfers, signed SePay webhooks, statement uploads. They mirror integration-tests/helpers/shop.ts (which needs jest and
// a container) so that the browser run can set up its data through the public HTTP API only.

import crypto from "node:crypto"

export const BANK_TRANSFER_PROVIDER_ID = "pp_bank-transfer_default"
/** The demo shop's receiving account (medusa-config.ts) and its SePay secret (the dev default). */
export const DEMO_ACCOUNT = "0071000123456"
const SEPAY_HMAC_SECRET =
  process.env.SEPAY_HMAC_SECRET || "dev-sepay-hmac-secret-change-me"

/**
 * `medusa develop` restarts the server whenever a source file changes (other people edit this
 * repository while the browser run is going): a refused connection never reached the server, so it
 * is safe to wait and send the same request again, even a POST.
 */
async function fetchRetrying(url, init, timeoutMs = 90_000) {
  const end = Date.now() + timeoutMs
  for (;;) {
    try {
      return await fetch(url, init)
    } catch (e) {
      const code = e?.cause?.code
      if (
        !["ECONNREFUSED", "ECONNRESET", "UND_ERR_SOCKET"].includes(code) ||
        Date.now() > end
      ) {
        throw e
      }
      await new Promise((r) => setTimeout(r, 1000))
    }
  }
}

export function api(baseUrl) {
  async function call(method, path, { body, headers = {}, raw = false } = {}) {
    const isForm = typeof FormData !== "undefined" && body instanceof FormData
    const res = await fetchRetrying(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(body && !isForm ? { "content-type": "application/json" } : {}),
        ...headers,
      },
      body: body ? (isForm ? body : JSON.stringify(body)) : undefined,
    })
    if (raw) {
      return res
    }
    const text = await res.text()
    let data
    try {
      data = text ? JSON.parse(text) : {}
    } catch {
      data = { text }
    }
    if (!res.ok) {
      const err = new Error(
        `${method} ${path} -> ${res.status}: ${data.message ?? text.slice(0, 200)}`
      )
      err.status = res.status
      err.data = data
      throw err
    }
    return data
  }
  return {
    get: (p, o) => call("GET", p, o),
    post: (p, body, o = {}) => call("POST", p, { ...o, body }),
    del: (p, o) => call("DELETE", p, o),
    raw: (method, p, o) => call(method, p, { ...o, raw: true }),
  }
}

export async function adminToken(client, email, password) {
  const { token } = await client.post("/auth/user/emailpass", {
    email,
    password,
  })
  return { Authorization: `Bearer ${token}` }
}

/**
 * Everything a storefront needs: a publishable key whose sales channel sells something (Medusa
 * creates a default key with an empty channel next to the demo shop's), region, variant.
 */
export async function storeContext(client, admin) {
  const { api_keys } = await client.get(
    "/admin/api-keys?type=publishable&limit=20",
    { headers: admin }
  )
  for (const key of api_keys ?? []) {
    if (key.revoked_at) {
      continue
    }
    const pk = { "x-publishable-api-key": key.token }
    const { regions } = await client.get("/store/regions", { headers: pk })
    const region = regions.find((r) => r.currency_code === "vnd") ?? regions[0]
    if (!region) {
      continue
    }
    const { products } = await client.get(
      `/store/products?region_id=${region.id}&fields=*variants`,
      { headers: pk }
    )
    const variants = products.flatMap((p) => p.variants ?? [])
    // The digital product has no inventory to run out of.
    const variant = variants.find((v) => v.sku === "KTC-1Y") ?? variants[0]
    if (variant) {
      return { pk, region, variant }
    }
  }
  throw new Error("no publishable key sells anything: is the demo shop seeded?")
}

/** The storefront checkout (cart → items → addresses → shipping → payment session → complete). */
export async function placeOrder(
  client,
  ctx,
  {
    phone = "0912345678",
    quantity = 1,
    provider_id = BANK_TRANSFER_PROVIDER_ID,
    first_name = "Nguyen",
    last_name = "Van A",
  } = {}
) {
  const h = { headers: ctx.pk }
  const address = {
    first_name,
    last_name,
    address_1: "12 Hang Bai",
    city: "Ha Noi",
    country_code: "vn",
    phone,
  }
  const { cart } = await client.post(
    "/store/carts",
    { region_id: ctx.region.id, email: `buyer${Date.now()}@example.com` },
    h
  )
  await client.post(
    `/store/carts/${cart.id}/line-items`,
    { variant_id: ctx.variant.id, quantity },
    h
  )
  await client.post(
    `/store/carts/${cart.id}`,
    { shipping_address: address, billing_address: address },
    h
  )
  const { shipping_options } = await client.get(
    `/store/shipping-options?cart_id=${cart.id}`,
    h
  )
  if (!shipping_options?.length) {
    throw new Error("no shipping option for the cart")
  }
  await client.post(
    `/store/carts/${cart.id}/shipping-methods`,
    { option_id: shipping_options[0].id },
    h
  )
  const { payment_collection } = await client.post(
    "/store/payment-collections",
    { cart_id: cart.id },
    h
  )
  await client.post(
    `/store/payment-collections/${payment_collection.id}/payment-sessions`,
    { provider_id },
    h
  )
  const done = await client.post(`/store/carts/${cart.id}/complete`, {}, h)
  if (done.type !== "order") {
    throw new Error(
      `cart did not complete: ${JSON.stringify(done.error ?? done).slice(0, 300)}`
    )
  }
  return done.order
}

/** The expectation appears through a subscriber: wait for it. */
export async function waitForExpectation(
  client,
  admin,
  orderId,
  timeoutMs = 30_000
) {
  const end = Date.now() + timeoutMs
  for (;;) {
    const data = await client.get(`/admin/bank-transfer/orders/${orderId}`, {
      headers: admin,
    })
    if (data.expectation) {
      return data
    }
    if (Date.now() > end) {
      throw new Error(
        `no bank-transfer expectation for ${orderId} after ${timeoutMs} ms`
      )
    }
    await new Promise((r) => setTimeout(r, 500))
  }
}

/** Polls until `check(data)` is truthy (the matcher runs in a subscriber, after the 201). */
export async function waitFor(
  fn,
  check,
  { timeoutMs = 30_000, what = "condition" } = {}
) {
  const end = Date.now() + timeoutMs
  let last
  for (;;) {
    last = await fn()
    if (check(last)) {
      return last
    }
    if (Date.now() > end) {
      throw new Error(
        `timed out waiting for ${what}: ${JSON.stringify(last).slice(0, 300)}`
      )
    }
    await new Promise((r) => setTimeout(r, 500))
  }
}

/** A check letter that is not the reference's own: the memo then carries a near miss. */
export function wrongCheckLetter(reference) {
  const right = reference.slice(-1).toUpperCase()
  return ["K", "M", "P", "R", "T"].find((c) => c !== right)
}

/** A fake incoming transfer (admin simulation route), once the matcher has looked at it. */
export async function simulate(
  client,
  admin,
  { memo, amount, counterparty_name }
) {
  const { transaction } = await client.post(
    "/admin/bank-transfer/simulate",
    {
      memo,
      amount: String(amount),
      ...(counterparty_name ? { counterparty_name } : {}),
    },
    { headers: admin }
  )
  return waitFor(
    async () =>
      (
        await client.get(
          `/admin/bank-transfer/transactions/${transaction.id}`,
          { headers: admin }
        )
      ).transaction,
    (t) => !!t.reconciled_at,
    { what: `the matcher to process ${transaction.id}` }
  )
}

/** Letters only: a search token that no matcher can read as an order number, phone or tax code. */
export function letters(n = 8) {
  const abc = "ABCDEFGHJKMNPQRSTUVWXYZ"
  return Array.from(
    { length: n },
    () => abc[Math.floor(Math.random() * abc.length)]
  ).join("")
}

/** "2026-11-30 09:15:00": a moment in Vietnam time, as SePay writes its transactionDate. */
export const vietnamTime = (d = new Date()) =>
  new Date(d.getTime() + 7 * 3600_000)
    .toISOString()
    .slice(0, 19)
    .replace("T", " ")

/** "30/11/2026": the day in Vietnam, as Vietnamese banks' statement exports write it. */
export const vietnamDay = (d = new Date()) =>
  d.toLocaleDateString("en-GB", { timeZone: "Asia/Ho_Chi_Minh" })

/** A SePay notification for the demo shop's account, as SePay sends it. */
export function sepayPayload({
  id,
  memo,
  amount,
  date = new Date(),
  account = DEMO_ACCOUNT,
}) {
  return {
    id,
    gateway: "Vietcombank",
    transactionDate: vietnamTime(date),
    accountNumber: account,
    subAccount: null,
    code: null,
    content: memo,
    transferType: "in",
    transferAmount: amount,
    accumulated: 19_077_000,
    referenceCode: `MBVCB.${id}`,
    description: `BankAPINotify ${memo}`,
  }
}

/**
 * Delivers a SePay webhook signed the HMAC way (X-SePay-Signature over "<timestamp>.<raw body>"),
 * through the real route. Returns SePay's answer ({ success: true }).
 */
export async function deliverSepay(baseUrl, payload) {
  const body = JSON.stringify(payload)
  const timestamp = String(Math.floor(Date.now() / 1000))
  const signature = crypto
    .createHmac("sha256", SEPAY_HMAC_SECRET)
    .update(`${timestamp}.${body}`)
    .digest("hex")
  const res = await fetchRetrying(`${baseUrl}/hooks/bank-transfer/sepay`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-sepay-timestamp": timestamp,
      "x-sepay-signature": signature,
    },
    body,
  })
  const data = await res.json().catch(() => ({}))
  if (!res.ok) {
    throw new Error(
      `SePay webhook -> ${res.status}: ${JSON.stringify(data).slice(0, 200)}`
    )
  }
  return data
}

/** Uploads a statement file through the admin route; returns the previewed import. */
export async function uploadStatement(
  client,
  admin,
  { name, text, type = "text/csv" }
) {
  const form = new FormData()
  form.append("file", new Blob([text], { type }), name)
  const { import: preview } = await client.post(
    "/admin/bank-transfer/imports",
    form,
    { headers: admin }
  )
  return preview
}

/** Commits a previewed import; returns the committed import with its counts. */
export async function commitStatement(client, admin, importId) {
  return client.post(
    `/admin/bank-transfer/imports/${importId}/commit`,
    {},
    { headers: admin }
  )
}
