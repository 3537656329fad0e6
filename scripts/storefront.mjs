// `npm run storefront`: the example storefront (examples/nextjs-storefront) against the demo shop of
// `npm run dev`, with the plugin as a merchant gets it. Builds and packs the plugin, copies the
// example to .storefront/nextjs-storefront (a dot folder: `medusa develop` does not watch it, while
// it would restart on every file that an install writes under examples/), installs the tarball and
// the example's dependencies there, and runs `next dev` on http://localhost:8000. Edits to
// examples/nextjs-storefront are copied over as they happen (next dev reloads them).
//
//   npm run storefront
//     NEXT_PUBLIC_MEDUSA_BACKEND_URL=http://localhost:9000   the shop (default: the demo shop)
//     NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY=pk_…                default: the demo shop's "Webshop" key,
//                                                            read through the admin API
//     STOREFRONT_DEV_PORT=8000                               next dev's port
//     ADMIN_EMAIL / ADMIN_PASSWORD                           the demo shop's admin (to read the key)
// (The demo shop's CORS settings allow http://localhost:8000; for another port set STORE_CORS and
// AUTH_CORS for `npm run dev`.)
import { spawn } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { root } from "./shop.mjs"
import {
  EXAMPLE_DIR,
  buildAndPack,
  cleanEnv,
  copyExample,
  installExample,
} from "./pack.mjs"

const WORK = path.join(root, ".storefront")
const APP = path.join(WORK, "nextjs-storefront")
const PACK = path.join(WORK, "pack")
const BACKEND =
  process.env.NEXT_PUBLIC_MEDUSA_BACKEND_URL || "http://localhost:9000"
const PORT = Number(process.env.STOREFRONT_DEV_PORT || 8000)

/** The demo shop's publishable key ("Webshop"), read with the admin's login. */
async function publishableKey() {
  if (process.env.NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY) {
    return process.env.NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY
  }
  const login = await fetch(`${BACKEND}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      email: process.env.ADMIN_EMAIL || "admin@example.com",
      password: process.env.ADMIN_PASSWORD || "supersecret",
    }),
  }).catch(() => null)
  if (!login?.ok) {
    throw new Error(
      `cannot log into ${BACKEND} as the demo shop's admin: start it first (npm run dev), or set NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY`
    )
  }
  const { token } = await login.json()
  const res = await fetch(
    `${BACKEND}/admin/api-keys?type=publishable&limit=50`,
    { headers: { authorization: `Bearer ${token}` } }
  )
  const { api_keys = [] } = await res.json()
  const live = api_keys.filter((k) => !k.revoked_at)
  const key = live.find((k) => k.title === "Webshop") ?? live[0]
  if (!key) {
    throw new Error(`${BACKEND} has no publishable API key`)
  }
  return key.token
}

async function main() {
  const key = await publishableKey()
  fs.mkdirSync(PACK, { recursive: true })
  for (const f of fs.readdirSync(PACK)) {
    fs.rmSync(path.join(PACK, f), { force: true })
  }
  console.log("> building and packing the plugin")
  const { tarball } = await buildAndPack(PACK)
  console.log(`  ${path.relative(root, tarball)}`)

  // A fresh copy of the sources (node_modules and .next stay, for speed).
  if (fs.existsSync(APP)) {
    for (const e of fs.readdirSync(APP)) {
      if (!["node_modules", ".next", "package-lock.json"].includes(e)) {
        fs.rmSync(path.join(APP, e), { recursive: true, force: true })
      }
    }
  }
  copyExample(APP, tarball)
  // The tarball is rebuilt each time under the same name: forget the locked copy of it.
  const lockPath = path.join(APP, "package-lock.json")
  if (fs.existsSync(lockPath)) {
    const lock = JSON.parse(fs.readFileSync(lockPath, "utf8"))
    delete lock.packages?.["node_modules/medusa-bank-transfer"]
    fs.writeFileSync(lockPath, JSON.stringify(lock, null, 2))
  }
  fs.rmSync(path.join(APP, "node_modules", "medusa-bank-transfer"), {
    recursive: true,
    force: true,
  })
  console.log(`> npm install in ${path.relative(root, APP)}`)
  const install = await installExample(APP, { echo: true })
  if (install.code !== 0) {
    throw new Error(`npm install failed (exit ${install.code})`)
  }
  fs.writeFileSync(
    path.join(APP, ".env.local"),
    `NEXT_PUBLIC_MEDUSA_BACKEND_URL=${BACKEND}\nNEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY=${key}\n`
  )

  // Edits to the example follow into the copy.
  fs.watch(EXAMPLE_DIR, { recursive: true }, (_event, file) => {
    if (
      !file ||
      file.split(path.sep).some((p) => ["node_modules", ".next"].includes(p))
    ) {
      return
    }
    const from = path.join(EXAMPLE_DIR, file)
    const to = path.join(APP, file)
    try {
      if (fs.statSync(from).isFile()) {
        fs.mkdirSync(path.dirname(to), { recursive: true })
        fs.copyFileSync(from, to)
      }
    } catch {
      fs.rmSync(to, { force: true })
    }
  })

  console.log(
    `> next dev on http://localhost:${PORT} (shop ${BACKEND}; Ctrl+C stops)`
  )
  const next = spawn(
    path.join(APP, "node_modules", ".bin", "next"),
    ["dev", "-p", String(PORT)],
    { cwd: APP, env: cleanEnv(), stdio: "inherit" }
  )
  const stop = () => next.kill("SIGTERM")
  process.on("SIGINT", stop)
  process.on("SIGTERM", stop)
  next.on("exit", (code) => process.exit(code ?? 0))
}

main().catch((e) => {
  console.error(e.message ?? e)
  process.exit(1)
})
