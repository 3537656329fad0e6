// Starts and stops the demo shop (dev/start.mjs: embedded PostgreSQL, migrations, seed, `medusa
// develop`) on ports and a data folder of its own, for the browser tests, the reliability suite and
// the benches. Every process group started under the shop is tracked and killed at the end: `medusa
// develop` forks its server into a group of its own, so killing the shop's group alone would leave
// the server (and PostgreSQL) behind.
import { spawn } from "node:child_process"
import fs from "node:fs"
import net from "node:net"
import path from "node:path"
import { fileURLToPath } from "node:url"

export const root = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  ".."
)
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/** Polls `probe` until it returns something truthy (returned) or `timeoutMs` passes (null). */
export async function waitUntil(probe, timeoutMs, everyMs = 250) {
  const end = Date.now() + timeoutMs
  for (;;) {
    const v = await probe()
    if (v) {
      return v
    }
    if (Date.now() > end) {
      return null
    }
    await sleep(everyMs)
  }
}

/** Runs `task(item, i)` over items on `concurrency` workers; returns the results in order. */
export async function pool(items, concurrency, task) {
  const out = new Array(items.length)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const i = next++
        out[i] = await task(items[i], i)
      }
    })
  )
  return out
}

/** Every process group that descends from `rootPid` (read from /proc). */
export function descendantGroups(rootPid) {
  const parents = new Map()
  for (const pid of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8")
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
      parents.set(Number(pid), {
        ppid: Number(fields[1]),
        pgid: Number(fields[2]),
      })
    } catch {}
  }
  const descends = (pid) => {
    for (
      let p = pid, n = 0;
      p > 1 && n < 50;
      p = parents.get(p)?.ppid ?? 0, n++
    ) {
      if (p === rootPid) {
        return true
      }
    }
    return false
  }
  const groups = new Set()
  for (const [pid, { pgid }] of parents) {
    if (descends(pid) && pgid > 1 && pgid !== process.pid) {
      groups.add(pgid)
    }
  }
  return groups
}

/** The pids of the processes that listen on `port` (the Medusa server itself, not its watcher). */
export function listenerPids(port) {
  const hex = port.toString(16).toUpperCase().padStart(4, "0")
  const inodes = new Set()
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    try {
      for (const line of fs.readFileSync(table, "utf8").split("\n").slice(1)) {
        const cols = line.trim().split(/\s+/)
        if (cols[1]?.endsWith(`:${hex}`) && cols[3] === "0A") {
          inodes.add(cols[9])
        }
      }
    } catch {}
  }
  const pids = []
  for (const pid of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
        const m = /^socket:\[(\d+)\]$/.exec(
          fs.readlinkSync(`/proc/${pid}/fd/${fd}`)
        )
        if (m && inodes.has(m[1])) {
          pids.push(Number(pid))
          break
        }
      }
    } catch {}
  }
  return pids.filter((pid) => pid !== process.pid)
}

/** Debian's redis-server (or one on PATH), or null. */
export function findRedisServer() {
  const candidates = [
    "/usr/bin/redis-server",
    ...(process.env.PATH ?? "")
      .split(path.delimiter)
      .filter(Boolean)
      .map((d) => path.join(d, "redis-server")),
  ]
  for (const c of candidates) {
    try {
      fs.accessSync(c, fs.constants.X_OK)
      return c
    } catch {}
  }
  return null
}

export function portFree(port) {
  return new Promise((resolve) => {
    const s = net.connect({ port, host: "127.0.0.1" })
    s.once("connect", () => (s.destroy(), resolve(false)))
    s.once("error", () => resolve(true))
  })
}

export async function isUp(url) {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2000) })).ok
  } catch {
    return false
  }
}

/**
 * Starts dev/start.mjs detached and waits until /health answers.
 * @param {{ port: number, dbPort: number, dataDir: string, logPath: string, env?: Record<string,string>, fresh?: boolean, timeoutMs?: number }} o
 *   `fresh` removes the data folder first; the log is written outside the project, because
 *   `medusa develop` restarts on any new or changed file in it.
 */
export async function startShop(options) {
  try {
    return await startShopOnce(options)
  } catch (e) {
    // Seen once in CI: the shop exited at start-up and its log was gone with the temporary folder.
    // Its tail is printed, and the start is tried once more (a fresh one if a fresh one was asked).
    console.log(
      `${e.message}\n${logTail(options.logPath, 40)}\n> starting the shop again`
    )
    return startShopOnce(options)
  }
}

/** The last `lines` lines of a log file, indented, or a word that it cannot be read. */
function logTail(file, lines) {
  try {
    return fs
      .readFileSync(file, "utf8")
      .trimEnd()
      .split("\n")
      .slice(-lines)
      .map((l) => `  | ${l}`)
      .join("\n")
  } catch {
    return `  (no log at ${file})`
  }
}

async function startShopOnce({
  port,
  dbPort,
  dataDir,
  logPath,
  env = {},
  fresh = false,
  timeoutMs = 300_000,
}) {
  for (const p of [port, dbPort]) {
    // A few seconds' grace: a shop just stopped may still be letting its ports go.
    const end = Date.now() + 10_000
    while (!(await portFree(p))) {
      if (Date.now() > end) {
        throw new Error(`port ${p} is taken (an earlier run still going?)`)
      }
      await sleep(500)
    }
  }
  if (fresh) {
    fs.rmSync(path.join(root, dataDir), { recursive: true, force: true })
  }
  const log = fs.openSync(logPath, "a")
  const child = spawn(process.execPath, ["dev/start.mjs"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", log, log],
    env: {
      ...process.env,
      PORT: String(port),
      DEV_DB_PORT: String(dbPort),
      DEV_DATA_DIR: dataDir,
      MEDUSA_DISABLE_TELEMETRY: "true",
      ...env,
    },
  })
  fs.closeSync(log)
  const groups = new Set([child.pid])
  const collect = () =>
    descendantGroups(child.pid).forEach((g) => groups.add(g))
  const collector = setInterval(collect, 2000)
  const killAll = (signal) => {
    for (const g of groups) {
      try {
        process.kill(-g, signal)
      } catch {}
    }
  }
  process.on("exit", () => killAll("SIGKILL"))

  let stopping = null
  const shop = {
    base: `http://localhost:${port}`,
    child,
    /** SIGTERM (dev/start.mjs stops Medusa and PostgreSQL cleanly), then SIGKILL to whatever is left. */
    stop() {
      stopping ??= (async () => {
        clearInterval(collector)
        collect()
        try {
          process.kill(child.pid, "SIGTERM")
        } catch {}
        const end = Date.now() + 15_000
        while (
          child.exitCode === null &&
          child.signalCode === null &&
          Date.now() < end
        ) {
          await sleep(250)
        }
        killAll("SIGKILL")
      })()
      return stopping
    },
    /** A crash: SIGKILL to everything at once, PostgreSQL included, nothing flushed or shut down. */
    crash() {
      clearInterval(collector)
      collect()
      killAll("SIGKILL")
      stopping = Promise.resolve()
    },
  }
  const started = Date.now()
  while (!(await isUp(`${shop.base}/health`))) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await shop.stop()
      throw new Error(
        `the shop exited (${child.exitCode ?? child.signalCode}); see ${logPath}`
      )
    }
    if (Date.now() - started > timeoutMs) {
      await shop.stop()
      throw new Error(
        `the shop did not answer /health within ${timeoutMs / 1000} s; see ${logPath}`
      )
    }
    await sleep(1000)
  }
  collect()
  shop.startedInMs = Date.now() - started
  return shop
}

/**
 * Runs `medusa exec <script>` in a process group of its own, so that a script that outlives
 * `timeoutMs` is stopped with everything it started (and so is whatever it leaves behind, or is
 * still running when this process exits). Resolves with its exit code and its output.
 */
export function medusaExec(script, env, timeoutMs) {
  return new Promise((resolve) => {
    const out = []
    const child = spawn(
      path.join(root, "node_modules", ".bin", "medusa"),
      ["exec", script],
      { cwd: root, env, detached: true }
    )
    const killGroup = () => {
      try {
        process.kill(-child.pid, "SIGKILL")
      } catch {}
    }
    child.stdout.on("data", (d) => out.push(d.toString()))
    child.stderr.on("data", (d) => out.push(d.toString()))
    const timer = setTimeout(() => {
      out.push(`\n(killed after ${timeoutMs / 1000} s)\n`)
      killGroup()
    }, timeoutMs)
    process.on("exit", killGroup)
    child.on("exit", (code, signal) => {
      clearTimeout(timer)
      process.off("exit", killGroup)
      killGroup()
      resolve({ code: code ?? signal, output: out.join("") })
    })
  })
}

/**
 * What a checkout against the seeded shop needs: its publishable key, the Vietnam region, the
 * digital product's variant and a shipping option. `request(method, url, { headers, body })`
 * answers the parsed JSON body.
 */
export async function shopInfo(db, request) {
  const { rows: keys } = await db.query(
    `SELECT token FROM api_key WHERE type = 'publishable' AND revoked_at IS NULL ORDER BY (title = 'Webshop') DESC, created_at LIMIT 1`
  )
  if (!keys.length) {
    throw new Error("no publishable API key (was the shop seeded?)")
  }
  const pk = keys[0].token
  const h = { "x-publishable-api-key": pk }
  const { regions } = await request("GET", "/store/regions?limit=50", {
    headers: h,
  })
  const region =
    regions.find((r) => r.name === "Vietnam") ??
    regions.find((r) => r.currency_code === "vnd")
  if (!region) {
    throw new Error("no region Vietnam")
  }
  const { products } = await request(
    "GET",
    `/store/products?limit=50&region_id=${region.id}&fields=*variants`,
    { headers: h }
  )
  // The digital product (no inventory to reserve) is the checkout's line, as in the integration tests.
  const product =
    products.find((p) => /Cloud/i.test(p.title)) ??
    products.find((p) => p.variants?.length)
  if (!product?.variants?.length) {
    throw new Error("no product with variants in the Store API")
  }
  const { cart } = await request("POST", "/store/carts", {
    headers: h,
    body: { region_id: region.id },
  })
  await request("POST", `/store/carts/${cart.id}/line-items`, {
    headers: h,
    body: { variant_id: product.variants[0].id, quantity: 1 },
  })
  const { shipping_options } = await request(
    "GET",
    `/store/shipping-options?cart_id=${cart.id}`,
    { headers: h }
  )
  if (!shipping_options?.length) {
    throw new Error("no shipping option for the Vietnam cart")
  }
  return {
    pk,
    region_id: region.id,
    variant_id: product.variants[0].id,
    shipping_option_id: shipping_options[0].id,
  }
}
