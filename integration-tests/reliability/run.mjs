// Reliability suite (DESIGN.md "Quality bar": reliability). Starts its own demo shop (port 9500,
// PostgreSQL on 54380, data in .pgdata-reliability, fresh each run), talks to it over HTTP only and
// reads what happened straight from PostgreSQL:
//   1. 1,000 distinct SePay transactions delivered 5 times each, shuffled and concurrently:
//      exactly 1,000 stored, every matched order captured once, nothing over-allocated;
//   2. a generated set of hostile requests and files against every route the plugin exposes:
//      each answered 4xx with a JSON message, nothing written;
//   3. crashes: the server SIGKILLed in the middle of a statement import's commit, and everything
//      (PostgreSQL too) killed in the middle of a webhook burst; after a restart nothing is lost
//      and nothing doubled;
//   4. cross-channel: 500 transfers, each reported by SePay, by Casso and in (overlapping) bank
//      statements, shuffled and concurrently: exactly 500 movements, nothing held, each order
//      paid what was sent and captured once.
// Prints every figure, one PASS/FAIL line per check, and ends with "N passed, N failed" (exit 0
// iff none failed). The shop is always stopped (finally, SIGINT/SIGTERM, a hard time limit).
//
//   node integration-tests/reliability/run.mjs
//     RELIABILITY_ORDERS=100            real orders matched in part 1
//     RELIABILITY_CROSS_TRANSFERS=500   transfers of part 4, RELIABILITY_CROSS_ORDERS (default 60 %) paying orders
//     RELIABILITY_GROUPS=cross-channel  only these parts (comma-separated: duplicates, hostile,
//                                       import-crash, webhook-crash, cross-channel; hostile needs duplicates)
//     RELIABILITY_PORT=9500 RELIABILITY_DB_PORT=54380 RELIABILITY_LIMIT_S (default 15 min, 60 with part 4)
import os from "node:os"
import path from "node:path"
import fs from "node:fs"
import { startShop } from "../../scripts/shop.mjs"
import {
  DATA_DIR,
  DB_PORT,
  DB_URL,
  PORT,
  check,
  checkout,
  expectationsFor,
  log,
  pg,
  pool,
  registerShopper,
  section,
  seconds,
  shopInfo,
  tally,
} from "./lib.mjs"
import { duplicateDelivery } from "./duplicates.mjs"
import { hostileInput } from "./hostile.mjs"
import { importCrash, webhookCrash } from "./crash.mjs"
import { crossChannel } from "./cross-channel.mjs"

const GROUPS = [
  "duplicates",
  "hostile",
  "import-crash",
  "webhook-crash",
  "cross-channel",
]
const selected = new Set(
  (process.env.RELIABILITY_GROUPS || GROUPS.join(","))
    .split(",")
    .map((g) => g.trim())
    .filter(Boolean)
)
const unknownGroups = [...selected].filter((g) => !GROUPS.includes(g))
if (unknownGroups.length) {
  console.error(
    `RELIABILITY_GROUPS: unknown ${unknownGroups.join(", ")} (known: ${GROUPS.join(", ")})`
  )
  process.exit(2)
}
// Part 2 aims at what part 1 stored.
if (selected.has("hostile")) {
  selected.add("duplicates")
}
const ORDERS = selected.has("duplicates")
  ? Number(process.env.RELIABILITY_ORDERS ?? 100)
  : 0
const IMPORT_ORDERS = selected.has("import-crash") ? 8 : 0
const BURST_ORDERS = selected.has("webhook-crash") ? 16 : 0
const HARD_LIMIT_MS =
  Number(
    process.env.RELIABILITY_LIMIT_S ??
      (selected.has("cross-channel") ? 60 : 15) * 60
  ) * 1000
const LOG_PATH = path.join(
  os.tmpdir(),
  `medusa-bank-transfer-reliability-${PORT}.log`
)

// `medusa develop` restarts its server when any project file changes; others edit this working
// tree while the suite runs, so the shop's watcher is switched off (see no-watch.cjs).
const NO_WATCH = path.join(
  path.dirname(new URL(import.meta.url).pathname),
  "no-watch.cjs"
)
const SHOP = {
  port: PORT,
  dbPort: DB_PORT,
  dataDir: DATA_DIR,
  logPath: LOG_PATH,
  env: {
    DISABLE_ADMIN: "true",
    BANK_TRANSFER_JOBS: "off",
    // Part 2 sends about 1,000 shopper requests from this one address in well under a minute,
    // then floods from other loopback addresses past these limits (429).
    BANK_TRANSFER_RATE_PER_ADDRESS: "1500",
    BANK_TRANSFER_RATE_PER_TOKEN: "200",
    // Nothing listens there: a webhook test delivery must go there (424), whatever Host says.
    BANK_TRANSFER_PUBLIC_URL: "http://127.0.0.1:9",
    NODE_OPTIONS:
      `${process.env.NODE_OPTIONS ?? ""} --require ${NO_WATCH}`.trim(),
  },
}

const ctx = {
  shop: null,
  db: null,
  /** Starts the shop (fresh only the first time) and (re)connects the database pool. */
  async start({ fresh }) {
    const shop = await startShop({ ...SHOP, fresh })
    this.shop = shop
    log(
      `shop up on ${shop.base} after ${seconds(shop.startedInMs)} (log: ${LOG_PATH})`
    )
    if (!this.db) {
      this.db = new pg.Pool({ connectionString: DB_URL, max: 4 })
      // PostgreSQL stops and crashes on purpose in part 3: idle clients report it, and that is fine.
      this.db.on("error", () => {})
    }
    return shop
  },
  async stop() {
    await this.shop?.stop()
  },
}

let finishing = null
async function finish(code) {
  finishing ??= (async () => {
    await ctx.db?.end().catch(() => {})
    await ctx.stop().catch(() => {})
  })()
  await finishing
  process.exit(code)
}
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => {
    console.error(`\n${sig}: stopping the shop`)
    console.log(`${tally.passed} passed, ${tally.failed + 1} failed`)
    finish(1)
  })
}

async function main() {
  const started = Date.now()
  const hardLimit = setTimeout(() => {
    console.error(
      `\nthe suite ran over ${HARD_LIMIT_MS / 60000} minutes: stopping`
    )
    check(`the suite finishes within ${HARD_LIMIT_MS / 60000} minutes`, false)
    console.log(`${tally.passed} passed, ${tally.failed} failed`)
    finish(1)
  }, HARD_LIMIT_MS)
  hardLimit.unref()

  section("setup")
  fs.rmSync(LOG_PATH, { force: true })
  await ctx.start({ fresh: true })
  const info = await shopInfo(ctx.db)
  ctx.info = info

  // Real orders through the Store API, paid by bank transfer: guests for parts 1 and 3, and two
  // registered shoppers with two orders each for part 2 (other customers' orders, proof uploads).
  let t = Date.now()
  const one = await checkout(info, { email: "reliability-0@example.com" })
  log(
    `one checkout through the Store API: ${Date.now() - t} ms (the first, cold)`
  )
  ctx.shoppers = {}
  const owners = selected.has("hostile") ? ["a", "b"] : []
  for (const name of owners) {
    ctx.shoppers[name] = await registerShopper(
      info,
      `reliability-shopper-${name}-${Date.now()}@example.com`
    )
  }
  t = Date.now()
  const guest = await pool(
    Array.from(
      { length: Math.max(0, ORDERS + IMPORT_ORDERS + BURST_ORDERS - 1) },
      (_, i) => i + 1
    ),
    3,
    (i) => checkout(info, { email: `reliability-${i}@example.com` })
  )
  const owned = await pool(
    owners.flatMap((name) => [name, name]),
    2,
    (name) => checkout(info, { shopper: ctx.shoppers[name] })
  )
  const total = guest.length + owned.length
  if (total) {
    log(
      `${total} more checkouts in ${seconds(Date.now() - t)} (${Math.round((Date.now() - t) / total)} ms each, 3 at a time)`
    )
  }
  const all = [one, ...guest]
  const exps = await expectationsFor(
    ctx.db,
    [...all, ...owned].map((o) => o.id)
  )
  const byOrder = new Map(exps.map((e) => [e.order_id, e]))
  const withExp = (o) => ({ ...o, exp: byOrder.get(o.id) })
  ctx.orders = {
    duplicates: all.slice(0, ORDERS).map(withExp),
    import: all.slice(ORDERS, ORDERS + IMPORT_ORDERS).map(withExp),
    burst: all.slice(ORDERS + IMPORT_ORDERS).map(withExp),
    a: owned.slice(0, 2).map(withExp),
    b: owned.slice(2).map(withExp),
  }
  check(
    `${total + 1} real orders placed with bank transfer, each with its expectation`,
    exps.length === total + 1 &&
      exps.every((e) => e && e.memo && e.status === "awaiting_transfer"),
    `order total ${one.total} VND`
  )

  const parts = [
    [
      "duplicates",
      "1. duplicate and concurrent delivery at volume",
      () => duplicateDelivery(ctx),
    ],
    ["hostile", "2. hostile input", () => hostileInput(ctx)],
    [
      "import-crash",
      "3a. crash in the middle of a statement import",
      () => importCrash(ctx),
    ],
    [
      "webhook-crash",
      "3b. crash in the middle of a webhook burst",
      () => webhookCrash(ctx),
    ],
    [
      "cross-channel",
      "4. one movement, three channels: SePay, Casso and overlapping statements",
      () => crossChannel(ctx),
    ],
  ].filter(([group]) => selected.has(group))
  log(`groups: ${parts.map(([group]) => group).join(", ")}`)
  for (const [, title, part] of parts) {
    section(title)
    const partStarted = Date.now()
    try {
      await part()
    } catch (e) {
      console.error(e?.stack ?? e)
      check(
        `${title}: ran to the end`,
        false,
        String(e?.message ?? e).slice(0, 300)
      )
      // A part that failed half-way may have left the shop down: the next parts need it.
      if (
        !(await fetch(`${ctx.shop.base}/health`)
          .then((r) => r.ok)
          .catch(() => false))
      ) {
        await ctx.stop()
        await ctx
          .start({ fresh: false })
          .catch((err) => console.error(`restart failed: ${err.message}`))
      }
    }
    log(`(${title}: ${seconds(Date.now() - partStarted)})`)
  }
  log(`\ntotal ${seconds(Date.now() - started)}`)
}

main()
  .catch((e) => {
    console.error(e?.stack ?? e)
    check(
      "the suite ran to the end",
      false,
      String(e?.message ?? e).slice(0, 300)
    )
  })
  .finally(async () => {
    if (tally.failures.length) {
      log(`\nfailed: ${tally.failures.join(" | ")}`)
    }
    console.log(`${tally.passed} passed, ${tally.failed} failed`)
    await finish(tally.failed === 0 ? 0 : 1)
  })
