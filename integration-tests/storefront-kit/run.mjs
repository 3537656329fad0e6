// Browser checks of the storefront kit (medusa-bank-transfer/storefront) on its own: the order
// payment component, server-rendered and hydrated, against a stand-in of the plugin's store routes
// (this file's HTTP server), through the real @medusajs/js-sdk, in Debian's chromium. Live status
// (partial payment → amount and QR still owed, then "Paid" without a reload, polling stopped),
// pause while hidden, details re-fetched while missing, copy, save QR, the "I have paid" form
// (multipart with the token, one request for a double click, the server's message on 4xx), a
// 375 px phone, no console error (hydration included). The example storefront's own browser test
// covers the kit inside Next.js against a real shop. Skips (exit 0) when chromium is not installed.
//
//   node integration-tests/storefront-kit/run.mjs
import fs from "node:fs"
import http from "node:http"
import path from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import { build } from "esbuild"
import { chromium } from "playwright-core"
import { createHarness, assert } from "../browser/lib/harness.mjs"

const CHROMIUM = "/usr/bin/chromium"
const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.resolve(here, "../..")

if (!fs.existsSync(CHROMIUM)) {
  console.log(
    `storefront kit browser checks skipped: ${CHROMIUM} not found (apt-get install -y chromium)`
  )
  console.log("0 passed, 0 failed")
  process.exit(0)
}

// Bundles: inside node_modules/.cache so that the server bundle finds react & co. by walking up.
const out = path.join(root, "node_modules", ".cache", "storefront-kit")
fs.rmSync(out, { recursive: true, force: true })
const common = {
  bundle: true,
  jsx: "automatic",
  logLevel: "warning",
  absWorkingDir: root,
}
await build({
  ...common,
  entryPoints: [path.join(here, "client.mjs")],
  outfile: path.join(out, "client.js"),
  platform: "browser",
  format: "esm",
  define: { "process.env.NODE_ENV": '"development"' },
})
await build({
  ...common,
  entryPoints: [path.join(here, "app.mjs")],
  outfile: path.join(out, "app.mjs"),
  platform: "node",
  format: "esm",
  packages: "external",
})
const { App, DETAILS } = await import(
  pathToFileURL(path.join(out, "app.mjs")).href
)
const { createElement } = await import("react")
const { renderToString } = await import("react-dom/server")
const clientJs = fs.readFileSync(path.join(out, "client.js"))

// ---- the stand-in shop ----------------------------------------------------------------------
const view = (over = {}) => ({
  order_id: "order_01",
  order_number: "1042",
  status: "awaiting_transfer",
  currency_code: "VND",
  amount_due: "1280000",
  amount_received: "0",
  amount_remaining: "1280000",
  reference: "DH1042K",
  memo: "DH1042K",
  instructions: "Chuyển khoản trong 24 giờ.",
  accounts: [
    {
      bank_bin: "970436",
      bank_name: "Vietcombank",
      swift: "BFTVVNVX",
      account_number: "0071000123456",
      account_holder: "CONG TY TNHH DEMO",
      currency: "VND",
    },
  ],
  deadline: "2026-12-03T10:00:00.000Z",
  qr: { format: "vietqr", payload: "STATUS-1280000", svg: null },
  payment_url: "https://shop.example/bank-transfer/pay/tok_abc123",
  status_url: "https://shop.example/bank-transfer/pay/tok_abc123/status",
  ...over,
})
const shop = {
  requests: [],
  status: {}, // order id → view, or { error: [status, message] }
  orders: {}, // order id → answers of GET /store/orders/:id, in turn (the last one repeats)
  confirm: { status: 201, json: { confirmation: { id: "btconf_1" } } },
}
const count = (p) =>
  shop.requests.filter((r) => (typeof p === "string" ? r.path === p : p(r)))
    .length

const server = http.createServer((req, res) => {
  const url = new URL(req.url, "http://x")
  const chunks = []
  req.on("data", (c) => chunks.push(c))
  req.on("end", () => {
    const r = {
      at: Date.now(),
      method: req.method,
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: Buffer.concat(chunks),
    }
    const json = (status, body, delay = 0) =>
      setTimeout(() => {
        res.writeHead(status, {
          "content-type": "application/json",
        })
        res.end(JSON.stringify(body))
      }, delay)
    if (url.pathname === "/") {
      const html = renderToString(
        createElement(App, {
          origin: `http://127.0.0.1:${server.address().port}`,
          search: url.search,
        })
      )
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" })
      res.end(
        `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>kit</title></head><body style="margin:0"><div id="root">${html}</div><script type="module" src="/client.js"></script></body></html>`
      )
      return
    }
    if (url.pathname === "/client.js") {
      res.writeHead(200, { "content-type": "text/javascript" })
      res.end(clientJs)
      return
    }
    shop.requests.push(r)
    let m
    if ((m = /^\/store\/bank-transfer\/orders\/([^/]+)$/.exec(url.pathname))) {
      const v = shop.status[m[1]]
      if (!v) {
        return json(404, { message: "not found" })
      }
      return v.error
        ? json(v.error[0], { message: v.error[1] })
        : json(200, { bank_transfer: v })
    }
    if (
      (m = /^\/store\/bank-transfer\/orders\/([^/]+)\/confirm$/.exec(
        url.pathname
      ))
    ) {
      return json(shop.confirm.status, shop.confirm.json, 600)
    }
    if ((m = /^\/store\/orders\/([^/]+)$/.exec(url.pathname))) {
      const answers = shop.orders[m[1]] ?? []
      const order = answers.length > 1 ? answers.shift() : answers[0]
      return order ? json(200, { order }) : json(404, { message: "not found" })
    }
    json(404, { message: "no such route" })
  })
})
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve))
const base = `http://127.0.0.1:${server.address().port}`

// ---- the browser ------------------------------------------------------------------------------
const screenshots = path.join(
  root,
  "integration-tests/screenshots/storefront-kit"
)
fs.rmSync(screenshots, { recursive: true, force: true })
let page = null
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ["--no-sandbox"],
})
const context = await browser.newContext({
  viewport: { width: 375, height: 812 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: "vi-VN",
})
await context.grantPermissions(["clipboard-read", "clipboard-write"], {
  origin: base,
})
const { test, summary } = createHarness({ screenshots, page: () => page })
const consoleErrors = []
async function open(query) {
  await page?.close()
  page = await context.newPage()
  page.on("console", (msg) => {
    // a 4xx the scenario asked for is logged by the browser as a failed resource: not the kit's
    if (
      msg.type() === "error" &&
      !msg.text().startsWith("Failed to load resource")
    ) {
      consoleErrors.push(msg.text())
    }
  })
  page.on("pageerror", (e) => consoleErrors.push(String(e)))
  await page.goto(`${base}/?${query}`)
}
const testid = (id) => page.locator(`[data-testid="${id}"]`)
const text = async (id) =>
  ((await testid(id).first().textContent()) ?? "").replace(
    /[\u00a0\u202f]/g,
    " "
  )
const until = async (what, fn, ms = 10_000) => {
  const end = Date.now() + ms
  for (;;) {
    if (await fn()) {
      return
    }
    if (Date.now() > end) {
      throw new Error(`timed out waiting for ${what}`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
}

try {
  await test("the order's details, server-rendered, then live status; partial payment shows what is still owed with its own QR", async () => {
    shop.status.order_01 = view()
    await open("order=order_01&poll=1000")
    assert((await text("bt-amount")) === "1.280.000 ₫", await text("bt-amount"))
    assert((await text("bt-memo")) === "DH1042K", "memo")
    assert((await text("bt-account-number")) === "0071000123456", "account")
    assert((await text("bt-reference")) === "DH1042K", "reference")
    await until(
      "the first status",
      async () =>
        (await testid("bt-status").getAttribute("data-status")) ===
        "awaiting_transfer"
    )
    const statusRequest = shop.requests.find(
      (r) => r.path === "/store/bank-transfer/orders/order_01"
    )
    assert(
      statusRequest.headers["x-bank-transfer-token"] === "tok_abc123",
      "token header"
    )
    assert(
      statusRequest.headers["x-publishable-api-key"] === "pk_test",
      "publishable key"
    )
    // the status route's QR (for what is owed) replaces the one written at placement
    assert(
      (await testid("bt-qr").getAttribute("data-qr-payload")) ===
        "STATUS-1280000",
      "status QR"
    )
    await until(
      "the QR drawn",
      async () => (await testid("bt-qr").locator("img").count()) === 1
    )
    const href = await testid("bt-save-qr").getAttribute("href")
    assert(
      href?.startsWith("data:image/png;base64,"),
      `save QR href ${href?.slice(0, 30)}`
    )
    assert(
      (await testid("bt-save-qr").getAttribute("download")) ===
        "vietqr-1042.png",
      "download name"
    )
    const download = page.waitForEvent("download")
    await testid("bt-save-qr").click()
    assert(
      (await (await download).suggestedFilename()) === "vietqr-1042.png",
      "downloaded"
    )

    shop.status.order_01 = view({
      status: "partially_paid",
      amount_received: "500000",
      amount_remaining: "780000",
      qr: { format: "vietqr", payload: "STATUS-780000", svg: null },
    })
    await until(
      "the amount still owed",
      async () => (await text("bt-amount")) === "780.000 ₫"
    )
    assert(
      (await testid("bt-qr").getAttribute("data-qr-payload")) ===
        "STATUS-780000",
      "QR for the rest"
    )
    assert(
      (await page.content()).includes("Số tiền còn thiếu"),
      "'still owed' label"
    )
  })

  await test("turns to Paid without a reload, hides amount and QR, calls onPaid once, stops polling", async () => {
    shop.status.order_01 = view({
      status: "paid",
      amount_received: "1280000",
      amount_remaining: "0",
      qr: null,
    })
    await until(
      "paid",
      async () =>
        (await testid("bt-status").getAttribute("data-status")) === "paid"
    )
    assert(
      (await text("bt-status")).includes("Đã thanh toán"),
      await text("bt-status")
    )
    assert((await testid("bt-amount").count()) === 0, "no amount when paid")
    assert((await testid("bt-qr").count()) === 0, "no QR when paid")
    assert((await testid("bt-confirm-form").count()) === 0, "no form when paid")
    assert((await page.evaluate(() => window.__paid)) === 1, "onPaid once")
    const asked = count("/store/bank-transfer/orders/order_01")
    await new Promise((r) => setTimeout(r, 2500))
    assert(
      count("/store/bank-transfer/orders/order_01") === asked,
      "polling stopped"
    )
  })

  await test("a cancelled order shows its status and nothing to pay, and is not polled again", async () => {
    shop.status.order_06 = view({
      order_id: "order_06",
      status: "canceled",
      qr: null,
    })
    await open("order=order_06&poll=500")
    await until(
      "cancelled",
      async () =>
        (await testid("bt-status").getAttribute("data-status")) === "canceled"
    )
    assert(
      (await text("bt-status")).includes("Đơn hàng đã hủy"),
      await text("bt-status")
    )
    for (const id of [
      "bt-amount",
      "bt-qr",
      "bt-memo",
      "bt-account-number",
      "bt-confirm-form",
    ]) {
      assert((await testid(id).count()) === 0, `no ${id}`)
    }
    assert((await page.evaluate(() => window.__paid)) === undefined, "not paid")
    await new Promise((r) => setTimeout(r, 1500))
    assert(count("/store/bank-transfer/orders/order_06") === 1, "asked once")
  })

  await test("polls every interval only while the page is visible", async () => {
    shop.status.order_02 = view({ order_id: "order_02" })
    await open("order=order_02&poll=500")
    await until(
      "polling",
      async () => count("/store/bank-transfer/orders/order_02") >= 2
    )
    await page.evaluate(() => {
      Object.defineProperty(document, "visibilityState", {
        configurable: true,
        get: () => "hidden",
      })
      document.dispatchEvent(new Event("visibilitychange"))
    })
    await new Promise((r) => setTimeout(r, 700))
    const hidden = count("/store/bank-transfer/orders/order_02")
    await new Promise((r) => setTimeout(r, 2000))
    assert(
      count("/store/bank-transfer/orders/order_02") === hidden,
      "no request while hidden"
    )
    await page.evaluate(() => {
      Object.defineProperty(document, "visibilityState", {
        configurable: true,
        get: () => "visible",
      })
      document.dispatchEvent(new Event("visibilitychange"))
    })
    await until(
      "asked again when shown",
      async () => count("/store/bank-transfer/orders/order_02") > hidden,
      1000
    )
  })

  await test("copy buttons copy the amount, account number and memo and say so", async () => {
    shop.status.order_03 = view({ order_id: "order_03" })
    await open("order=order_03&poll=60000")
    for (const [name, expected] of [
      ["Số tiền cần chuyển", "1280000"],
      ["Số tài khoản", "0071000123456"],
      ["Nội dung chuyển khoản", "DH1042K"],
    ]) {
      const button = page.getByRole("button", { name: `Sao chép: ${name}` })
      await button.click()
      await until(
        `"copied" for ${name}`,
        async () =>
          ((await button
            .locator("xpath=following-sibling::*[1]")
            .textContent()) ?? "") === "Đã sao chép"
      )
      const copied = await page.evaluate(() => navigator.clipboard.readText())
      assert(copied === expected, `${name}: copied ${copied}`)
    }
  })

  await test("'I have paid' sends one multipart request with the token for a double click, then says sent", async () => {
    const before = count((r) => r.method === "POST")
    await page.getByLabel("Số tiền đã chuyển").fill("1.280.000")
    await page.getByLabel("Lời nhắn").fill("Đã chuyển từ Techcombank")
    await page.getByLabel("Biên lai (ảnh hoặc PDF)").setInputFiles([
      {
        name: "a.png",
        mimeType: "image/png",
        buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47]),
      },
      {
        name: "b.pdf",
        mimeType: "application/pdf",
        buffer: Buffer.from("%PDF-1.4"),
      },
    ])
    await testid("bt-confirm-form").locator("button[type=submit]").dblclick()
    await until(
      "sent",
      async () => (await testid("bt-confirm-sent").count()) === 1
    )
    const posts = shop.requests.filter((r) => r.method === "POST").slice(before)
    assert(posts.length === 1, `${posts.length} requests`)
    const p = posts[0]
    assert(p.path === "/store/bank-transfer/orders/order_03/confirm", p.path)
    assert(
      /^multipart\/form-data; boundary=/.test(p.headers["content-type"]),
      p.headers["content-type"]
    )
    assert(p.headers["x-bank-transfer-token"] === "tok_abc123", "token")
    const body = p.body.toString("utf8")
    for (const part of [
      'name="amount"\r\n\r\n1.280.000',
      'name="lang"\r\n\r\nvi',
      'filename="a.png"',
      'filename="b.pdf"',
      "Techcombank",
      'name="paid_on"\r\n\r\n20',
    ]) {
      assert(body.includes(part), `body has ${JSON.stringify(part)}`)
    }
  })

  await test("'I have paid' shows the server's message on 4xx under the page's own words", async () => {
    shop.status.order_04 = view({ order_id: "order_04" })
    shop.confirm = {
      status: 400,
      json: {
        message: '"abc" is not an amount such as "1.280.000" or "1280000"',
      },
    }
    await open("order=order_04&poll=60000")
    await page.getByLabel("Số tiền đã chuyển").fill("abc")
    await testid("bt-confirm-form").locator("button[type=submit]").click()
    const alert = testid("bt-confirm-form").getByRole("alert")
    await until("the error", async () =>
      ((await alert.textContent()) ?? "").includes("is not an amount")
    )
    assert(
      (await alert.textContent()).startsWith("Không gửi được:"),
      await alert.textContent()
    )
    assert((await testid("bt-confirm-sent").count()) === 0, "not sent")
    shop.confirm = { status: 201, json: { confirmation: { id: "btconf_2" } } }
  })

  await test("details missing at first: 'preparing…', the order fetched again until they appear", async () => {
    shop.status.order_05 = view({ order_id: "order_05" })
    const placed = {
      id: "order_05",
      payment_collections: [
        {
          payments: [
            { provider_id: "pp_bank-transfer_bank-transfer", data: {} },
          ],
        },
      ],
    }
    const written = {
      id: "order_05",
      payment_collections: [
        {
          payments: [
            {
              provider_id: "pp_bank-transfer_bank-transfer",
              data: {
                bank_transfer: DETAILS,
              },
            },
          ],
        },
      ],
    }
    shop.orders.order_05 = [placed, placed, written]
    await open("order=order_05&details=null&poll=60000")
    assert(
      (await text("bt-order-payment")).includes(
        "Đang chuẩn bị thông tin thanh toán"
      ),
      "preparing"
    )
    await until(
      "the details",
      async () => (await testid("bt-amount").count()) === 1,
      8000
    )
    const asked = shop.requests.filter(
      (r) => r.path === "/store/orders/order_05"
    )
    assert(asked.length === 3, `${asked.length} order fetches`)
    assert(
      asked[0].query.get("fields") === "*payment_collections.payments",
      asked[0].query.get("fields")
    )
    await until(
      "the status after the details",
      async () =>
        (await testid("bt-status").getAttribute("data-status")) ===
        "awaiting_transfer"
    )
  })

  await test("fits a 375 px phone and logs no console error (hydration included)", async () => {
    await open("order=order_03&poll=60000")
    await until(
      "hydrated QR",
      async () => (await testid("bt-qr").locator("img").count()) === 1
    )
    const width = await page.evaluate(
      () => document.documentElement.scrollWidth
    )
    assert(width <= 375, `page is ${width} px wide`)
    const box = await testid("bt-order-payment").boundingBox()
    assert(box && box.x >= 0 && box.x + box.width <= 375, JSON.stringify(box))
    assert(consoleErrors.length === 0, consoleErrors.join("\n"))
  })
} finally {
  await browser.close()
  server.close()
}
process.exit(summary() ? 1 : 0)
