// Browser checks of the admin extensions: starts the demo shop on its own ports and database,
// runs integration-tests/browser/admin.browser.mjs against it with Debian's chromium, and always
// stops the shop. Skips (exit 0) when chromium is not installed.
//
//   node scripts/browser-test.mjs            (KEEP_DATA=1 reuses the database of the last run)
import { spawn, spawnSync } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const CHROMIUM = "/usr/bin/chromium"
const PORT = 9100
const DB_PORT = 54340
const DATA_DIR = ".pgdata-browser"
const BASE_URL = `http://localhost:${PORT}`
const outDir = path.join(root, "integration-tests/browser/screenshots")

if (!fs.existsSync(CHROMIUM)) {
  console.log(`browser tests skipped: ${CHROMIUM} not found (apt-get install -y chromium)`)
  console.log("0 passed, 0 failed")
  process.exit(0)
}

async function isUp(url) {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2000) })).ok
  } catch {
    return false
  }
}

if (await isUp(`${BASE_URL}/health`)) {
  console.error(`port ${PORT} already answers: stop whatever runs there (an earlier browser run?) and retry`)
  process.exit(1)
}

// `medusa develop` restarts its server on any new or changed file in the project (dot folders
// aside), screenshots and logs included: they are written outside it and moved in at the end.
const stageDir = fs.mkdtempSync(path.join(os.tmpdir(), "bank-transfer-browser-"))
// A fresh database by default: migrations are regenerated while the plugin is developed, and
// the scenarios count rows, so state left by an earlier run would only blur the results.
if (!process.env.KEEP_DATA) fs.rmSync(path.join(root, DATA_DIR), { recursive: true, force: true })

const logPath = path.join(stageDir, "dev-shop.log")
const log = fs.openSync(logPath, "w")
// Own process group (detached), so that the whole shop can be stopped at once.
const shop = spawn(process.execPath, ["dev/start.mjs"], {
  cwd: root,
  detached: true,
  stdio: ["ignore", log, log],
  env: {
    ...process.env,
    PORT: String(PORT),
    DEV_DB_PORT: String(DB_PORT),
    DEV_DATA_DIR: DATA_DIR,
    MEDUSA_DISABLE_TELEMETRY: "true",
  },
})

/**
 * Every process group started under the shop: dev/start.mjs puts `medusa develop` in a group of its
 * own, so killing the shop's group alone could leave the server behind. Collected while running.
 */
const groups = new Set([shop.pid])
function collectGroups() {
  const parents = new Map()
  for (const pid of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8")
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
      parents.set(Number(pid), { ppid: Number(fields[1]), pgid: Number(fields[2]) })
    } catch {}
  }
  const descends = (pid) => {
    for (let p = pid, n = 0; p > 1 && n < 50; p = parents.get(p)?.ppid ?? 0, n++) if (p === shop.pid) return true
    return false
  }
  for (const [pid, { pgid }] of parents) if (descends(pid) && pgid > 1) groups.add(pgid)
}
const collector = setInterval(collectGroups, 2000)

let stopped = false
async function stopShop() {
  if (stopped) return
  stopped = true
  clearInterval(collector)
  collectGroups()
  // dev/start.mjs stops Medusa and PostgreSQL cleanly on SIGTERM; give it time, then make sure.
  try {
    process.kill(shop.pid, "SIGTERM")
  } catch {}
  const end = Date.now() + 15_000
  while (shop.exitCode === null && shop.signalCode === null && Date.now() < end) await new Promise((r) => setTimeout(r, 250))
  for (const g of groups) {
    try {
      process.kill(-g, "SIGKILL")
    } catch {}
  }
}
process.on("SIGINT", () => stopShop().then(() => process.exit(130)))
process.on("SIGTERM", () => stopShop().then(() => process.exit(143)))

let code = 1
try {
  console.log(`> starting the demo shop on ${BASE_URL}`)
  const started = Date.now()
  while (!(await isUp(`${BASE_URL}/health`))) {
    if (shop.exitCode !== null) throw new Error(`the demo shop exited (${shop.exitCode}); see dev-shop.log`)
    if (Date.now() - started > 300_000) throw new Error("the demo shop did not answer /health within 5 minutes; see dev-shop.log")
    await new Promise((r) => setTimeout(r, 1000))
  }
  console.log(`> shop up after ${Math.round((Date.now() - started) / 1000)} s`)
  const run = spawnSync(process.execPath, ["integration-tests/browser/admin.browser.mjs"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, BASE_URL, CHROMIUM, SCREENSHOTS: stageDir },
  })
  code = run.status ?? 1
} catch (e) {
  console.error(e.message ?? e)
  console.log("0 passed, 1 failed")
  code = 1
} finally {
  await stopShop()
  // Now that nothing watches the project any more: screenshots and the shop's log into place.
  fs.rmSync(outDir, { recursive: true, force: true })
  fs.mkdirSync(outDir, { recursive: true })
  for (const f of fs.readdirSync(stageDir)) fs.copyFileSync(path.join(stageDir, f), path.join(outDir, f))
  fs.rmSync(stageDir, { recursive: true, force: true })
  console.log(`> screenshots and dev-shop.log in ${path.relative(root, outDir)}/`)
}
process.exit(code)
