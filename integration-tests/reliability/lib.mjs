// Shared pieces of the reliability suite (integration-tests/reliability/run.mjs): the shop's coordinates,
// checks and their tally, HTTP with timings and no throwing, a worker pool, the storefront
// checkout, and row counts straight from PostgreSQL.
import crypto from "node:crypto"
import { createRequire } from "node:module"
import path from "node:path"
import {
  root,
  shopInfo as seededShopInfo,
  sleep,
  waitUntil,
} from "../../scripts/shop.mjs"
export { pool, waitUntil } from "../../scripts/shop.mjs"

const require = createRequire(path.join(root, "package.json"))
export const pg = require("pg")

// Other ports with RELIABILITY_PORT / RELIABILITY_DB_PORT (two working trees running the suite at once).
export const PORT = Number(process.env.RELIABILITY_PORT || 9500)
export const DB_PORT = Number(process.env.RELIABILITY_DB_PORT || 54380)
export const DATA_DIR = ".pgdata-reliability"
export const BASE = `http://localhost:${PORT}`
export const DB_URL = `postgres://postgres:postgres@localhost:${DB_PORT}/medusa_bank_transfer`
export const BANK_TRANSFER = "pp_bank-transfer_default"
export const ACCOUNT = "0071000123456"
// The development secrets of medusa-config.ts.
export const SECRETS = {
  sepayApiKey: "dev-sepay-api-key-change-me",
  sepayHmac: "dev-sepay-hmac-secret-change-me",
  casso: "dev-casso-secret-change-me",
  generic: "dev-generic-secret-change-me",
  payos: "dev-payos-checksum-key-change-me",
}
export const SEPAY_AUTH = `Apikey ${SECRETS.sepayApiKey}`
export { sleep }

// ---------------------------------------------------------------------------------------------
// Checks: one line each, PASS or FAIL, and the tally printed at the end.
// ---------------------------------------------------------------------------------------------
export const tally = { passed: 0, failed: 0, failures: [] }

export function check(name, ok, detail = "") {
  if (ok) {
    tally.passed++
  } else {
    tally.failed++
    tally.failures.push(name)
  }
  console.log(`${ok ? "PASS" : "FAIL"}  ${name}${detail ? ` — ${detail}` : ""}`)
  return ok
}

export const log = (...a) => console.log(...a)
export const section = (title) => console.log(`\n=== ${title} ===`)
export const fmt = (n, digits = 0) =>
  Number(n).toLocaleString("en-US", {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  })
export const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`

// ---------------------------------------------------------------------------------------------
// HTTP
// ---------------------------------------------------------------------------------------------

/**
 * One request; never throws. `body`: a string/Buffer/FormData as is, anything else as JSON.
 * Returns { status (0 when no answer), ms, contentType, text, json, error }.
 */
export async function request(
  method,
  url,
  { body, headers = {}, timeoutMs = 30_000, unsigned = false } = {}
) {
  const h = { ...headers }
  // medusa-config.ts configures SePay's API key and HMAC secret: the signature is then required,
  // so a delivery "with the API key" is also signed as SePay signs (`unsigned: true` to send the key alone).
  if (
    !unsigned &&
    url.startsWith("/hooks/bank-transfer/sepay") &&
    h.authorization === SEPAY_AUTH &&
    typeof body === "string" &&
    !h["x-sepay-signature"]
  ) {
    const ts = String(Math.floor(Date.now() / 1000))
    h["x-sepay-timestamp"] = ts
    h["x-sepay-signature"] = hmac("sha256", SECRETS.sepayHmac, `${ts}.${body}`)
  }
  let payload = body
  const raw =
    typeof body === "string" ||
    Buffer.isBuffer(body) ||
    body instanceof FormData ||
    body instanceof Uint8Array
  if (body !== undefined && !raw) {
    payload = JSON.stringify(body)
    if (!Object.keys(h).some((k) => k.toLowerCase() === "content-type")) {
      h["content-type"] = "application/json"
    }
  }
  const started = performance.now()
  try {
    const res = await fetch(`${BASE}${url}`, {
      method,
      headers: h,
      body: payload,
      signal: AbortSignal.timeout(timeoutMs),
    })
    const text = await res.text()
    let json = null
    try {
      json = text ? JSON.parse(text) : null
    } catch {}
    return {
      status: res.status,
      ms: performance.now() - started,
      contentType: res.headers.get("content-type") ?? "",
      text,
      json,
      error: null,
    }
  } catch (e) {
    const timedOut = e?.name === "TimeoutError" || e?.name === "AbortError"
    return {
      status: 0,
      ms: performance.now() - started,
      contentType: "",
      text: "",
      json: null,
      error: timedOut ? "timeout" : (e?.cause?.code ?? e?.message ?? String(e)),
    }
  }
}

/** A request that must answer one of `expect`; returns the JSON body or throws. */
export async function api(method, url, { expect = [200, 201], ...opts } = {}) {
  const r = await request(method, url, opts)
  if (!expect.includes(r.status)) {
    throw new Error(
      `${method} ${url}: ${r.status || r.error} ${r.text.slice(0, 300)}`
    )
  }
  return r.json
}

/** A seeded generator (mulberry32), so that a run's shuffles and fuzz can be replayed. */
export function random(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function shuffle(items, rnd) {
  const a = [...items]
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1))
    ;[a[i], a[j]] = [a[j], a[i]]
  }
  return a
}

/** 12345 → "BCDF…": ids in letters, so that no memo holds a number a matcher could take for an order. */
export function letters(n) {
  let s = ""
  do {
    s = "BCDFGHJKMNPQRSTVWXYZ"[n % 20] + s
    n = Math.floor(n / 20)
  } while (n > 0)
  return s
}

/** "2026-11-23 10:15:00", Vietnam time, as SePay sends it. */
export const vietnamTime = (d = new Date()) =>
  new Date(d.getTime() + 7 * 3600_000)
    .toISOString()
    .slice(0, 19)
    .replace("T", " ")

export const hmac = (algorithm, secret, message) =>
  crypto.createHmac(algorithm, secret).update(message).digest("hex")

export function sortDeep(v) {
  if (Array.isArray(v)) {
    return v.map(sortDeep)
  }
  if (v && typeof v === "object") {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortDeep(v[k])])
    )
  }
  return v
}

/** A SePay notification as SePay sends it. */
export function sepayPayload({
  id,
  memo,
  amount,
  direction = "in",
  date = new Date(),
}) {
  return {
    id,
    gateway: "Vietcombank",
    transactionDate: vietnamTime(date),
    accountNumber: ACCOUNT,
    code: null,
    content: memo,
    transferType: direction,
    transferAmount: amount,
    accumulated: 19_077_000,
    subAccount: null,
    referenceCode: `MBVCB.${id}`,
    description: `BankAPINotify ${memo}`,
  }
}

export const deliverSepay = (payload, timeoutMs = 30_000) =>
  request("POST", "/hooks/bank-transfer/sepay", {
    body: JSON.stringify(payload),
    headers: { "content-type": "application/json", authorization: SEPAY_AUTH },
    timeoutMs,
  })

/** A Casso webhook v2 delivery of one transaction as Casso sends it (`tid`: Casso's own id; signed amount). */
export function cassoPayload({
  tid,
  reference,
  description,
  amount,
  date = new Date(),
}) {
  return {
    error: 0,
    data: {
      id: tid,
      reference,
      description,
      amount,
      runningBalance: 25_000_000,
      transactionDateTime: vietnamTime(date),
      accountNumber: ACCOUNT,
      bankName: "Vietcombank",
      bankAbbreviation: "VCB",
      virtualAccountNumber: "",
      virtualAccountName: "",
      counterAccountName: "NGUYEN VAN A",
      counterAccountNumber: "0123456789",
      counterAccountBankId: "970436",
      counterAccountBankName: "Vietcombank",
    },
  }
}

/** Signed as Casso signs (X-Casso-Signature: t=<ms>,v1=HMAC-SHA512 of "<t>.<key-sorted JSON>"), at send time. */
export function deliverCasso(payload, timeoutMs = 30_000) {
  const t = Date.now()
  const signature = hmac(
    "sha512",
    SECRETS.casso,
    `${t}.${JSON.stringify(sortDeep(payload))}`
  )
  return request("POST", "/hooks/bank-transfer/casso", {
    body: JSON.stringify(payload),
    headers: {
      "content-type": "application/json",
      "x-casso-signature": `t=${t},v1=${signature}`,
    },
    timeoutMs,
  })
}

// ---------------------------------------------------------------------------------------------
// The shop: its publishable key, region, product and shipping option; shoppers; checkout.
// ---------------------------------------------------------------------------------------------
export async function shopInfo(db) {
  return { ...(await seededShopInfo(db, api)), admin: await adminToken() }
}

export async function adminToken() {
  const { token } = await api("POST", "/auth/user/emailpass", {
    body: { email: "admin@example.com", password: "supersecret" },
  })
  return { authorization: `Bearer ${token}` }
}

/** Registers a shopper; returns headers for /store routes as that shopper. */
export async function registerShopper(info, email) {
  const pk = { "x-publishable-api-key": info.pk }
  const reg = await api("POST", "/auth/customer/emailpass/register", {
    body: { email, password: "secret123" },
  })
  await api("POST", "/store/customers", {
    headers: { ...pk, authorization: `Bearer ${reg.token}` },
    body: { email, first_name: "Nguyen", last_name: "Van A" },
  })
  const login = await api("POST", "/auth/customer/emailpass", {
    body: { email, password: "secret123" },
  })
  return { ...pk, authorization: `Bearer ${login.token}`, token: login.token }
}

/** The storefront checkout through the Store API, paid by bank transfer; returns the placed order. */
export async function checkout(info, { email, shopper } = {}) {
  const h = {
    "x-publishable-api-key": info.pk,
    ...(shopper ? { authorization: shopper.authorization } : {}),
  }
  const address = {
    first_name: "Nguyen",
    last_name: "Van A",
    address_1: "12 Hang Bai",
    city: "Ha Noi",
    country_code: "vn",
    phone: "0912345678",
  }
  const { cart } = await api("POST", "/store/carts", {
    headers: h,
    body: { region_id: info.region_id, ...(shopper ? {} : { email }) },
  })
  await api("POST", `/store/carts/${cart.id}/line-items`, {
    headers: h,
    body: { variant_id: info.variant_id, quantity: 1 },
  })
  await api("POST", `/store/carts/${cart.id}`, {
    headers: h,
    body: { shipping_address: address, billing_address: address },
  })
  await api("POST", `/store/carts/${cart.id}/shipping-methods`, {
    headers: h,
    body: { option_id: info.shipping_option_id },
  })
  const { payment_collection } = await api(
    "POST",
    "/store/payment-collections",
    { headers: h, body: { cart_id: cart.id } }
  )
  await api(
    "POST",
    `/store/payment-collections/${payment_collection.id}/payment-sessions`,
    { headers: h, body: { provider_id: BANK_TRANSFER } }
  )
  const done = await api("POST", `/store/carts/${cart.id}/complete`, {
    headers: h,
    body: {},
  })
  if (done.type !== "order") {
    throw new Error(
      `cart did not complete: ${JSON.stringify(done.error ?? done).slice(0, 300)}`
    )
  }
  return {
    id: done.order.id,
    total: String(done.order.total),
    display_id: done.order.display_id,
  }
}

/** The expectations of these orders (the order.placed subscriber writes them after the answer). */
export async function expectationsFor(db, orderIds, timeoutMs = 120_000) {
  const rows = await waitUntil(async () => {
    const { rows } = await db.query(
      `SELECT id, order_id, memo, reference, page_token, amount_due::text AS amount_due, status FROM bank_transfer_expectation WHERE order_id = ANY($1) AND deleted_at IS NULL`,
      [orderIds]
    )
    return rows.length === orderIds.length ? rows : null
  }, timeoutMs)
  if (!rows) {
    throw new Error(
      `expectations of ${orderIds.length} orders not all written within ${timeoutMs / 1000} s`
    )
  }
  const byOrder = new Map(rows.map((r) => [r.order_id, r]))
  return orderIds.map((id) => byOrder.get(id))
}

// ---------------------------------------------------------------------------------------------
// Database figures
// ---------------------------------------------------------------------------------------------

/**
 * How many movements selected by `where` (SQL over bank_transfer_transaction, `$1`… bound to
 * `params`) the matcher has not been through yet (`reconciled_at` null: it is set with the outcome's
 * status and audit entry, in one transaction).
 */
export async function unreconciledCount(db, where, params) {
  return (
    await db.query(
      `SELECT count(*)::int AS n FROM bank_transfer_transaction WHERE (${where}) AND reconciled_at IS NULL`,
      params
    )
  ).rows[0].n
}

/** Row counts of every table the plugin writes, and of Medusa's notification, payment and capture. */
export async function tableCounts(db) {
  const { rows: tables } = await db.query(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND (tablename LIKE 'bank\\_transfer\\_%' OR tablename IN ('notification', 'payment', 'capture')) ORDER BY tablename`
  )
  const counts = {}
  for (const { tablename } of tables) {
    counts[tablename] = (
      await db.query(`SELECT count(*)::int AS n FROM "${tablename}"`)
    ).rows[0].n
  }
  return counts
}

export function countsDiff(before, after) {
  const changed = []
  for (const t of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (before[t] !== after[t]) {
      changed.push(`${t} ${before[t]} → ${after[t]}`)
    }
  }
  return changed
}

/**
 * Per order: its bank-transfer payments and their captures, what its payment collection and the
 * order's own transactions recorded of them (Medusa's tables), the expectation and its active
 * allocations.
 */
export async function captureFigures(db, orderIds) {
  const { rows } = await db.query(
    `SELECT o.id AS order_id,
            (SELECT count(*)::int FROM payment p WHERE p.payment_collection_id = opc.payment_collection_id AND p.provider_id = $2 AND p.deleted_at IS NULL) AS payments,
            (SELECT count(*)::int FROM capture c JOIN payment p ON p.id = c.payment_id
               WHERE p.payment_collection_id = opc.payment_collection_id AND p.provider_id = $2 AND c.deleted_at IS NULL) AS captures,
            (SELECT coalesce(sum(c.amount), 0)::text FROM capture c JOIN payment p ON p.id = c.payment_id
               WHERE p.payment_collection_id = opc.payment_collection_id AND p.provider_id = $2 AND c.deleted_at IS NULL) AS captured,
            (SELECT count(*)::int FROM payment p WHERE p.payment_collection_id = opc.payment_collection_id AND p.provider_id = $2 AND p.captured_at IS NOT NULL) AS payments_captured,
            pc.amount::text AS collection_amount, pc.captured_amount::text AS collection_captured, pc.status AS collection_status,
            (SELECT count(*)::int FROM order_transaction ot WHERE ot.order_id = o.id AND ot.reference = 'capture' AND ot.deleted_at IS NULL) AS order_captures,
            e.status AS expectation_status, e.amount_due::text AS amount_due, e.amount_received::text AS amount_received,
            (SELECT count(*)::int FROM bank_transfer_allocation a WHERE a.expectation_id = e.id AND a.reversed_at IS NULL AND a.deleted_at IS NULL) AS allocations
       FROM "order" o
       JOIN order_payment_collection opc ON opc.order_id = o.id AND opc.deleted_at IS NULL
       JOIN payment_collection pc ON pc.id = opc.payment_collection_id
       LEFT JOIN bank_transfer_expectation e ON e.order_id = o.id AND e.deleted_at IS NULL
      WHERE o.id = ANY($1)`,
    [orderIds, BANK_TRANSFER]
  )
  return new Map(rows.map((r) => [r.order_id, r]))
}

/** Transactions whose active allocations add up to more than the transaction's amount. */
export async function overAllocated(db) {
  const { rows } = await db.query(
    `SELECT t.id, t.amount::text, sum(a.amount)::text AS allocated
       FROM bank_transfer_transaction t JOIN bank_transfer_allocation a ON a.transaction_id = t.id
      WHERE a.reversed_at IS NULL AND a.deleted_at IS NULL
      GROUP BY t.id, t.amount HAVING sum(a.amount) > t.amount`
  )
  return rows
}

/** Two amounts (numeric text from PostgreSQL, numbers from JSON) are the same amount. */
export const same = (a, b) =>
  a !== null &&
  a !== undefined &&
  b !== null &&
  b !== undefined &&
  Number(a) === Number(b)

/**
 * An order paid by one bank transfer, as it must end: one bank-transfer payment, captured once for
 * the order's total, Medusa's payment collection completed with that amount and one capture
 * transaction on the order; the expectation paid by exactly one allocation of that amount.
 */
export function capturedOnceProblem(order, f) {
  if (!f) {
    return "no payment collection"
  }
  const problems = []
  if (f.payments !== 1) {
    problems.push(`${f.payments} payments`)
  }
  if (f.captures !== 1 || f.payments_captured !== 1) {
    problems.push(
      `${f.captures} captures, ${f.payments_captured} payments marked captured`
    )
  }
  if (!same(f.captured, order.total)) {
    problems.push(`captured ${f.captured} of ${order.total}`)
  }
  if (
    f.collection_status !== "completed" ||
    !same(f.collection_captured, order.total)
  ) {
    problems.push(
      `collection ${f.collection_status} with ${f.collection_captured} captured`
    )
  }
  if (f.order_captures !== 1) {
    problems.push(`${f.order_captures} capture transactions on the order`)
  }
  if (
    f.expectation_status !== "paid" ||
    f.allocations !== 1 ||
    !same(f.amount_received, order.total)
  ) {
    problems.push(
      `expectation ${f.expectation_status}, ${f.allocations} allocations, ${f.amount_received} received`
    )
  }
  return problems.length ? problems.join("; ") : null
}
