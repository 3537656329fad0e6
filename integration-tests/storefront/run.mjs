// The example storefront (examples/nextjs-storefront) in a real browser against the demo shop, with
// the plugin as a merchant gets it: builds and packs the plugin (scripts/pack.mjs, as the installed
// group does), copies the example to a temporary folder outside the project (the demo shop runs
// `medusa develop`, which restarts on any file written inside it), installs the tarball and the
// example's dependencies there, `next build` + `next start`, starts the demo shop on its own ports
// (scripts/shop.mjs), and drives Debian's chromium at phone size (375×812) through:
//   (a) a logged-in customer: login → product → cart → checkout with bank transfer → the
//       order-confirmed page shows the QR, reference, memo and amount → a signed SePay webhook pays
//       the order → the page turns to "paid" without a reload;
//   (b) the same as a guest;
//   (c) a partial payment: the page shows the amount still owed, then paid once the rest arrives;
//   (d) the "I have paid" form, double-clicked: sent once.
// Screenshots of the order-confirmed page (and of any failure) are written outside the project
// and moved to integration-tests/storefront/screenshots at the end. Skips when chromium is
// missing. Prints its timings; ends with "N passed, N failed".
//
//   node integration-tests/storefront/run.mjs
//     STOREFRONT_PORT=9700 STOREFRONT_DB_PORT=54470   the demo shop and its PostgreSQL
//     STOREFRONT_NEXT_PORT=9701                       the storefront (next start)
//     STOREFRONT_KEEP=1                               keep the temporary folder (its path is printed)
//     STOREFRONT_LIMIT_S=720                          hard time limit
import { spawn } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { chromium } from "playwright-core"
import {
  buildAndPack,
  cleanEnv,
  copyExample,
  installExample,
  killGroup,
  sh,
} from "../../scripts/pack.mjs"
import { root, sleep, startShop, waitUntil } from "../../scripts/shop.mjs"
import {
  adminToken,
  api,
  deliverSepay,
  sepayPayload,
} from "../browser/lib/api.mjs"
import {
  check,
  printTimings,
  tally,
  timed,
  timings,
} from "../helpers/checks.mjs"

const CHROMIUM = "/usr/bin/chromium"
const PORT = Number(process.env.STOREFRONT_PORT || 9700)
const DB_PORT = Number(process.env.STOREFRONT_DB_PORT || 54470)
const NEXT_PORT = Number(process.env.STOREFRONT_NEXT_PORT || PORT + 1)
const LIMIT_MS = Number(process.env.STOREFRONT_LIMIT_S || 720) * 1000
const DATA_DIR = `.pgdata-storefront${process.env.STOREFRONT_DB_PORT ? `-${DB_PORT}` : ""}`
const SHOP = `http://localhost:${PORT}`
const STORE = `http://localhost:${NEXT_PORT}`
const outDir = path.join(root, "integration-tests/storefront/screenshots")
// The seeded digital product (no stock to run out of): 2,400,000 ₫, shipping 30,000 ₫.
const PRODUCT_HANDLE = "ke-toan-cloud-1-nam"
const PHONE = { width: 375, height: 812 }
const STEP = 45_000

if (!fs.existsSync(CHROMIUM)) {
  console.log(
    `storefront tests skipped: ${CHROMIUM} not found (apt-get install -y chromium)`
  )
  console.log("0 passed, 0 failed")
  process.exit(0)
}

// ---------------------------------------------------------------------------------------------
// Checks, timings, processes
// ---------------------------------------------------------------------------------------------

const groups = new Set()
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bank-transfer-storefront-"))
const stageDir = path.join(dir, "screenshots")
fs.mkdirSync(stageDir)
let shop = null
let nextServer = null
let browser = null

let finished = false
async function finish(code) {
  if (finished) {
    return
  }
  finished = true
  await browser?.close().catch(() => {})
  if (nextServer) {
    killGroup(nextServer.pid)
  }
  for (const g of groups) {
    killGroup(g)
  }
  await shop?.stop().catch(() => {})
  // Nothing watches the project any more: screenshots and logs into place.
  fs.rmSync(outDir, { recursive: true, force: true })
  fs.mkdirSync(outDir, { recursive: true })
  for (const f of fs.readdirSync(stageDir)) {
    fs.copyFileSync(path.join(stageDir, f), path.join(outDir, f))
  }
  for (const log of ["dev-shop.log", "next.log"]) {
    if (fs.existsSync(path.join(dir, log))) {
      fs.copyFileSync(path.join(dir, log), path.join(outDir, log))
    }
  }
  console.log(`\n> screenshots and logs in ${path.relative(root, outDir)}/`)
  printTimings()
  // The copy's node_modules (about 450 MB) is removed by a detached rm: no need to wait for it.
  if (process.env.STOREFRONT_KEEP) {
    console.log(`kept ${dir}`)
  } else {
    spawn("rm", ["-rf", dir], { detached: true, stdio: "ignore" }).unref()
  }
  console.log(`\n${tally.passed} passed, ${tally.failed} failed`)
  process.exit(code || (tally.failed ? 1 : 0))
}
process.on("exit", () => {
  if (nextServer) {
    killGroup(nextServer.pid)
  }
  for (const g of groups) {
    killGroup(g)
  }
})
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => {
    console.error(`\n${sig}: stopping`)
    tally.failed++
    void finish(1)
  })
}

// ---------------------------------------------------------------------------------------------
// The shopper's steps in the browser
// ---------------------------------------------------------------------------------------------
const digits = (s) => (s ?? "").replace(/\D/g, "")

async function shot(page, name) {
  await page
    .screenshot({ path: path.join(stageDir, `${name}.png`), fullPage: true })
    .catch(() => {})
}

async function login(page, { email, password }) {
  await page.goto(`${STORE}/login`)
  const form = page.getByTestId("login-form")
  await form.locator('input[name="email"]').fill(email)
  await form.locator('input[name="password"]').fill(password)
  await form.locator('button[type="submit"]').click()
  await page.waitForURL(`${STORE}/account`, { timeout: STEP })
}

/** Product → cart → checkout (address, shipping, bank transfer) → the order-confirmed page. */
async function checkout(page, { email, screenshot }) {
  await page.goto(`${STORE}/products/${PRODUCT_HANDLE}`)
  await page.getByTestId("add-to-cart").locator('button[type="submit"]').click()
  await page.waitForURL(`${STORE}/cart`, { timeout: STEP })
  await page.getByTestId("go-checkout").click()
  await page.waitForURL(`${STORE}/checkout`, { timeout: STEP })

  const address = page.getByTestId("address-form")
  const fill = async (name, value) => {
    const input = address.locator(`[name="${name}"]`)
    if (!(await input.inputValue())) {
      await input.fill(value)
    }
  }
  await fill("email", email)
  await fill("first_name", "Nguyen")
  await fill("last_name", "Van A")
  await fill("address_1", "12 Hang Bai")
  await fill("city", "Ha Noi")
  await fill("phone", "0912345678")
  await address.locator('button[type="submit"]').click()

  const shipping = page.getByTestId("shipping-form")
  await shipping.waitFor({ timeout: STEP })
  await shipping.locator('button[type="submit"]').click()

  const payment = page.getByTestId("payment-form")
  await payment.waitFor({ timeout: STEP })
  // Bank transfer is preselected, and says what happens after "Place order".
  const bankTransfer = payment.locator(
    'input[name="provider_id"][value^="pp_bank-transfer"]'
  )
  await bankTransfer.check()
  await page.getByTestId("bt-payment-option").waitFor({ timeout: STEP })
  if (screenshot) {
    await shot(page, screenshot)
  }
  await payment.locator('button[type="submit"]').click()
  await page.waitForURL(/\/order\/[^/]+\/confirmed$/, { timeout: STEP })
  return new URL(page.url()).pathname.split("/")[2]
}

/** The order-confirmed page's payment block, once the QR is drawn. */
async function paymentBlock(page) {
  await page.getByTestId("bt-qr").waitFor({ timeout: STEP })
  const text = async (id) =>
    (await page.getByTestId(id).first().textContent())?.trim() ?? ""
  return {
    reference: await text("bt-reference"),
    memo: await text("bt-memo"),
    amount: await text("bt-amount"),
    qrPayload: await page.getByTestId("bt-qr").getAttribute("data-qr-payload"),
  }
}

let webhookId = Math.floor(Date.now() / 1000) * 100
/** A transfer into the demo shop's account, as SePay reports it (signed, through the real route). */
async function transfer(memo, amount) {
  webhookId++
  return deliverSepay(SHOP, sepayPayload({ id: webhookId, memo, amount }))
}

const status = (page, value) =>
  page.locator(`[data-testid="bt-status"][data-status="${value}"]`)

/** Marks the document: a reload (or a navigation) would lose the mark. */
const mark = (page) =>
  page.evaluate(() => {
    globalThis.__btNoReload = true
  })
const stillMarked = (page) =>
  page.evaluate(() => globalThis.__btNoReload === true)

const ORDER_TOTAL = 2_430_000

/** (a) and (b): the whole way from the product to "paid", live. */
async function payWholeOrder(page, label, orderId) {
  const shown = await paymentBlock(page)
  check(
    `${label}: the order-confirmed page shows the QR, reference, memo and amount`,
    !!shown.qrPayload &&
      shown.reference.length > 3 &&
      shown.memo.includes(shown.reference) &&
      digits(shown.amount) === String(ORDER_TOTAL),
    JSON.stringify({ ...shown, qrPayload: shown.qrPayload?.slice(0, 24) })
  )
  check(
    `${label}: the QR carries the amount and the memo (VietQR)`,
    !!shown.qrPayload &&
      shown.qrPayload.includes(String(ORDER_TOTAL)) &&
      shown.qrPayload.includes(shown.reference)
  )
  await shot(page, `${label}-1-awaiting`)
  await mark(page)
  await transfer(shown.memo, ORDER_TOTAL)
  const paid = await status(page, "paid")
    .waitFor({ timeout: STEP })
    .then(
      () => true,
      () => false
    )
  check(
    `${label}: the page turns to paid without a reload after the transfer`,
    paid && (await stillMarked(page)),
    paid
      ? ""
      : `bt-status stayed ${await page
          .getByTestId("bt-status")
          .getAttribute("data-status")
          .catch(() => "?")}`
  )
  await shot(page, `${label}-2-paid`)
  return orderId
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------
async function main() {
  const hardLimit = setTimeout(() => {
    console.error(`\nran over ${LIMIT_MS / 1000} s: stopping`)
    tally.failed++
    void finish(1)
  }, LIMIT_MS)
  hardLimit.unref()
  console.log(`temporary folder: ${dir}`)

  // The shop starts while the plugin is built, packed and installed into the example's copy.
  const shopStarted = Date.now()
  const shopUp = startShop({
    port: PORT,
    dbPort: DB_PORT,
    dataDir: DATA_DIR,
    logPath: path.join(dir, "dev-shop.log"),
    fresh: true,
    env: {
      STORE_CORS: STORE,
      AUTH_CORS: `${STORE},${SHOP}`,
      STOREFRONT_URL: STORE,
      // The admin dashboard is not needed (its API is).
      DISABLE_ADMIN: "true",
    },
  }).then((s) => {
    shop = s
    timings.push([
      `demo shop on ${PORT} (while the example is prepared)`,
      (Date.now() - shopStarted) / 1000,
    ])
    return s
  })
  shopUp.catch(() => {})

  const app = path.join(dir, "app")
  const { tarball } = await buildAndPack(dir, { groups, timed })
  const copied = copyExample(app, tarball)
  console.log(`  copied ${copied.length} files of the example to ${app}`)
  const install = await timed(
    "npm install in the example's copy (the tarball + next, react, js-sdk)",
    () => installExample(app, { groups })
  )
  if (
    !check(
      "npm install of the example with the packed plugin",
      install.code === 0,
      install.code === 0 ? "" : install.out.slice(-3000)
    )
  ) {
    return
  }
  const reactVersion = JSON.parse(
    fs.readFileSync(path.join(app, "node_modules/react/package.json"), "utf8")
  ).version
  check(
    "one React in the example: the storefront's (the plugin brings none of its own)",
    reactVersion.startsWith("19.") &&
      !fs.existsSync(
        path.join(app, "node_modules/medusa-bank-transfer/node_modules/react")
      ),
    `react ${reactVersion}`
  )

  await shopUp
  console.log(`  shop up after ${Math.round(shop.startedInMs / 1000)} s`)
  const client = api(SHOP)
  const admin = await adminToken(client, "admin@example.com", "supersecret")
  const { api_keys } = await client.get(
    "/admin/api-keys?type=publishable&limit=20",
    { headers: admin }
  )
  const pk = (api_keys.find((k) => k.title === "Webshop") ?? api_keys[0]).token

  const env = cleanEnv({
    NEXT_PUBLIC_MEDUSA_BACKEND_URL: SHOP,
    NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY: pk,
    NEXT_TELEMETRY_DISABLED: "1",
  })
  const nextBin = path.join(app, "node_modules", ".bin", "next")
  const build = await timed("next build (typechecks the example)", () =>
    sh(nextBin, ["build"], { cwd: app, env, groups, timeoutMs: 400_000 })
  )
  if (
    !check(
      "next build of the example",
      build.code === 0,
      build.code === 0 ? "" : build.out.slice(-4000)
    )
  ) {
    return
  }
  await timed(`next start on ${NEXT_PORT}`, async () => {
    const log = fs.openSync(path.join(dir, "next.log"), "w")
    nextServer = spawn(nextBin, ["start", "-p", String(NEXT_PORT)], {
      cwd: app,
      env,
      detached: true,
      stdio: ["ignore", log, log],
    })
    fs.closeSync(log)
    const up = await waitUntil(
      () =>
        fetch(STORE, { signal: AbortSignal.timeout(5000) }).then(
          (r) => r.ok,
          () => false
        ),
      60_000,
      500
    )
    if (!up) {
      throw new Error(`next start did not answer on ${STORE}`)
    }
  })

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  })
  const newPage = async () => {
    const context = await browser.newContext({
      viewport: PHONE,
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: "en-US",
    })
    const page = await context.newPage()
    page.setDefaultTimeout(STEP)
    return page
  }
  async function scenario(name, fn) {
    const page = await newPage()
    await timed(name, async () => {
      try {
        await fn(page)
      } catch (e) {
        check(name, false, e.message?.split("\n")[0])
        await shot(page, `FAILED-${name.replace(/\W+/g, "-")}`)
      } finally {
        await page.context().close()
      }
    })
  }

  // A customer with an account (registered through the API; the login is the storefront's).
  const customer = {
    email: `shopper${Date.now()}@example.com`,
    password: "storefront-secret",
  }
  const reg = await client.post("/auth/customer/emailpass/register", customer)
  await client.post(
    "/store/customers",
    { email: customer.email, first_name: "Lan", last_name: "Tran" },
    {
      headers: {
        "x-publishable-api-key": pk,
        authorization: `Bearer ${reg.token}`,
      },
    }
  )

  await scenario("a-customer", async (page) => {
    await login(page, customer)
    check("a-customer: the storefront logs the customer in", true)
    const orderId = await checkout(page, { email: customer.email })
    await payWholeOrder(page, "a-customer", orderId)
    // The account's order page shows the same order, paid.
    await page.goto(`${STORE}/account/orders/${orderId}`)
    const onAccount = await status(page, "paid")
      .waitFor({ timeout: STEP })
      .then(
        () => true,
        () => false
      )
    check("a-customer: /account/orders/[id] shows the order paid", onAccount)
    await shot(page, "a-customer-3-account-order")
  })

  await scenario("b-guest", async (page) => {
    const orderId = await checkout(page, {
      email: `guest${Date.now()}@example.com`,
      screenshot: "b-guest-0-checkout",
    })
    await payWholeOrder(page, "b-guest", orderId)
  })

  await scenario("c-partial", async (page) => {
    await checkout(page, { email: `partial${Date.now()}@example.com` })
    const shown = await paymentBlock(page)
    await mark(page)
    await transfer(shown.memo, 1_000_000)
    const partial = await status(page, "partially_paid")
      .waitFor({ timeout: STEP })
      .then(
        () => true,
        () => false
      )
    // The block shows what is still owed, and the QR asks for just that.
    const remaining = await waitUntil(
      async () =>
        digits(await page.getByTestId("bt-amount").first().textContent()) ===
        String(ORDER_TOTAL - 1_000_000),
      STEP,
      500
    )
    const qr = await page.getByTestId("bt-qr").getAttribute("data-qr-payload")
    check(
      "c-partial: after 1,000,000 of 2,430,000 the page shows 1,430,000 still owed (no reload)",
      partial && !!remaining && (await stillMarked(page)),
      `amount shown: ${await page.getByTestId("bt-amount").first().textContent()}`
    )
    check(
      "c-partial: the QR then asks for the remaining amount",
      !!qr?.includes("1430000"),
      qr?.slice(0, 80) ?? "no QR"
    )
    await shot(page, "c-partial-1-remaining")
    await transfer(shown.memo, ORDER_TOTAL - 1_000_000)
    const paid = await status(page, "paid")
      .waitFor({ timeout: STEP })
      .then(
        () => true,
        () => false
      )
    check("c-partial: the rest arrives and the page turns to paid", paid)
    await shot(page, "c-partial-2-paid")
  })

  await scenario("d-i-have-paid", async (page) => {
    // A guest's order: "I have paid" goes with the order's payment token.
    const orderId = await checkout(page, {
      email: `confirm${Date.now()}@example.com`,
    })
    await paymentBlock(page)
    const posts = []
    page.on("request", (r) => {
      if (
        r.method() === "POST" &&
        /\/confirm$/.test(new URL(r.url()).pathname)
      ) {
        posts.push(r.url())
      }
    })
    const form = page.getByTestId("bt-confirm-form")
    await form.waitFor()
    await form.locator('[name="message"]').fill("Paid from my Vietcombank app")
    await form.locator('[name="amount"]').fill("2.430.000")
    await shot(page, "d-i-have-paid-1-form")
    await form.locator('button[type="submit"]').dblclick()
    const sent = await page
      .getByTestId("bt-confirm-sent")
      .waitFor({ timeout: STEP })
      .then(
        () => true,
        () => false
      )
    await sleep(1500)
    const data = await client.get(`/admin/bank-transfer/orders/${orderId}`, {
      headers: admin,
    })
    check(
      "d-i-have-paid: a guest's double click sends the form once (one request, one confirmation)",
      sent && posts.length === 1 && data.confirmations?.length === 1,
      `confirmation shown: ${sent}, requests: ${posts.length}, confirmations: ${data.confirmations?.length}`
    )
    await shot(page, "d-i-have-paid-2-sent")
  })
}

main()
  .then(() => finish(0))
  .catch(async (e) => {
    console.error(e)
    tally.failed++
    await finish(1)
  })
