// `npm run dev`: a real PostgreSQL (embedded), migrations, a seeded demo shop, then `medusa develop`.
import { spawn } from "node:child_process"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { startPostgres, ensureDatabase, run } from "../scripts/postgres.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const PORT = Number(process.env.DEV_DB_PORT || 54320)
const HTTP_PORT = Number(process.env.PORT || 9000)
const DATA_DIR = process.env.DEV_DATA_DIR || ".pgdata"
const DB = "medusa_bank_transfer"
const ADMIN_EMAIL = process.env.ADMIN_EMAIL || "admin@example.com"
const ADMIN_PASSWORD = process.env.ADMIN_PASSWORD || "supersecret"
const medusa = path.join(root, "node_modules", ".bin", "medusa")

async function step(label, args) {
  console.log(`\n> ${label}`)
  const status = await run(medusa, args, { cwd: root, env: process.env })
  if (status !== 0) {
    throw new Error(`${label} failed (exit ${status})`)
  }
}

async function main() {
  console.log(`> Starting PostgreSQL (data in ${DATA_DIR}, port ${PORT})`)
  const db = await startPostgres({
    dir: path.resolve(root, DATA_DIR),
    port: PORT,
  })
  await ensureDatabase(db.pg, DB)
  Object.assign(process.env, {
    DATABASE_URL: db.url(DB),
    MEDUSA_DISABLE_TELEMETRY: "true",
    NODE_ENV: process.env.NODE_ENV || "development",
    ADMIN_CORS: process.env.ADMIN_CORS || `http://localhost:${HTTP_PORT}`,
    AUTH_CORS:
      process.env.AUTH_CORS ||
      `http://localhost:8000,http://localhost:${HTTP_PORT}`,
    // This shop's own address: payment links and the admin's test delivery use it (public_url).
    MEDUSA_BACKEND_URL:
      process.env.MEDUSA_BACKEND_URL || `http://localhost:${HTTP_PORT}`,
  })

  await step("Running migrations", ["db:migrate"])
  await step("Seeding the demo shop (once)", ["exec", "./dev/seed.ts"])

  const client = db.pg.getPgClient(DB, "localhost")
  await client.connect()
  const { rowCount: hasAdmin } = await client.query(
    `SELECT 1 FROM "user" WHERE email = $1`,
    [ADMIN_EMAIL]
  )
  if (!hasAdmin) {
    await step("Creating the admin user", [
      "user",
      "-e",
      ADMIN_EMAIL,
      "-p",
      ADMIN_PASSWORD,
    ])
  }
  const { rows: keys } = await client.query(
    // The seed's own key (its sales channel holds the demo products), not Medusa's default one.
    `SELECT token FROM api_key WHERE type = 'publishable' AND revoked_at IS NULL ORDER BY (title = 'Webshop') DESC, created_at LIMIT 1`
  )
  await client.end()

  console.log(`
==================================================================
 medusa-bank-transfer demo shop
   Store API     http://localhost:${HTTP_PORT}/store
   Admin         http://localhost:${HTTP_PORT}/app
   Admin login   ${ADMIN_EMAIL} / ${ADMIN_PASSWORD}
   Publishable   ${keys[0]?.token ?? "(none)"}
   Database      ${db.url(DB)}
==================================================================
`)

  // Own process group: `medusa develop` forks the server, and stopping only the parent leaves it running.
  const child = spawn(medusa, ["develop", "--port", String(HTTP_PORT)], {
    cwd: root,
    stdio: "inherit",
    env: process.env,
    detached: true,
  })
  let stopping = false
  const stop = async (code = 0) => {
    if (stopping) {
      return
    }
    stopping = true
    try {
      process.kill(-child.pid, "SIGTERM")
    } catch {}
    await new Promise((r) => setTimeout(r, 1500))
    try {
      process.kill(-child.pid, "SIGKILL")
    } catch {}
    await db.stop().catch(() => {})
    process.exit(code)
  }
  process.on("SIGINT", () => stop(0))
  process.on("SIGTERM", () => stop(0))
  child.on("exit", (code) => stop(code ?? 0))
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
