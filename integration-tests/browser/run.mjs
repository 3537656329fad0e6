// Browser checks of the admin extensions: starts the demo shop on its own ports and database,
// runs integration-tests/browser/admin.browser.mjs against it with Debian's chromium, and always
// stops the shop. Skips (exit 0) when chromium is not installed.
//
//   node integration-tests/browser/run.mjs            (KEEP_DATA=1 reuses the database of the last run;
//   ONLY="<regexp>" runs only the scenarios whose names match)
import { spawnSync } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { root, startShop } from "../../scripts/shop.mjs"

const CHROMIUM = "/usr/bin/chromium"
// BROWSER_PORT / BROWSER_DB_PORT: other ports, so that two runs (two worktrees) do not collide.
const PORT = Number(process.env.BROWSER_PORT || 9100)
const DB_PORT = Number(process.env.BROWSER_DB_PORT || 54340)
const DATA_DIR = `.pgdata-browser${process.env.BROWSER_DB_PORT ? `-${DB_PORT}` : ""}`
const BASE_URL = `http://localhost:${PORT}`
const outDir = path.join(root, "integration-tests/browser/screenshots")

if (!fs.existsSync(CHROMIUM)) {
  console.log(
    `browser tests skipped: ${CHROMIUM} not found (apt-get install -y chromium)`
  )
  console.log("0 passed, 0 failed")
  process.exit(0)
}

// `medusa develop` restarts its server on any new or changed file in the project (dot folders
// aside), screenshots and logs included: they are written outside it and moved in at the end.
const stageDir = fs.mkdtempSync(
  path.join(os.tmpdir(), "bank-transfer-browser-")
)
let shop = null
const stop = () => shop?.stop()
process.on("SIGINT", () =>
  Promise.resolve(stop()).then(() => process.exit(130))
)
process.on("SIGTERM", () =>
  Promise.resolve(stop()).then(() => process.exit(143))
)

let code = 1
try {
  console.log(`> starting the demo shop on ${BASE_URL}`)
  // A fresh database by default: the scenarios count rows, so state left by an earlier run would
  // only blur the results (KEEP_DATA=1 reuses it).
  shop = await startShop({
    port: PORT,
    dbPort: DB_PORT,
    dataDir: DATA_DIR,
    logPath: path.join(stageDir, "dev-shop.log"),
    fresh: !process.env.KEEP_DATA,
    // BROWSER_START_TIMEOUT_S: a machine shared with other runs may need longer than 300 s.
    timeoutMs: Number(process.env.BROWSER_START_TIMEOUT_S || 300) * 1000,
  })
  console.log(`> shop up after ${Math.round(shop.startedInMs / 1000)} s`)
  const run = spawnSync(
    process.execPath,
    ["integration-tests/browser/admin.browser.mjs"],
    {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, BASE_URL, CHROMIUM, SCREENSHOTS: stageDir },
    }
  )
  code = run.status ?? 1
} catch (e) {
  console.error(e.message ?? e)
  console.log("0 passed, 1 failed")
  code = 1
} finally {
  await stop()
  // Now that nothing watches the project any more: screenshots and the shop's log into place.
  fs.rmSync(outDir, { recursive: true, force: true })
  fs.mkdirSync(outDir, { recursive: true })
  for (const f of fs.readdirSync(stageDir)) {
    fs.copyFileSync(path.join(stageDir, f), path.join(outDir, f))
  }
  fs.rmSync(stageDir, { recursive: true, force: true })
  console.log(
    `> screenshots and dev-shop.log in ${path.relative(root, outDir)}/`
  )
}
process.exit(code)
