// Shared by the tests and scripts that use the plugin as a package (integration-tests/installed,
// integration-tests/storefront, scripts/storefront.mjs): commands in process groups of their own, an
// environment free of this project's settings, `npm run build` + `npm pack` of the plugin, and a
// copy of the example storefront with the packed plugin installed into it.
import { spawn } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { root } from "./shop.mjs"

export const EXAMPLE_DIR = path.join(root, "examples", "nextjs-storefront")

/** An environment for another project's commands: none of this project's test settings or npm's. */
export function cleanEnv(extra = {}) {
  const env = {}
  for (const [k, v] of Object.entries(process.env)) {
    if (
      k.startsWith("npm_") ||
      k.startsWith("DB_") ||
      k === "NODE_OPTIONS" ||
      k === "INIT_CWD"
    ) {
      continue
    }
    env[k] = v
  }
  return { ...env, MEDUSA_DISABLE_TELEMETRY: "true", ...extra }
}

export function killGroup(pgid, signal = "SIGKILL") {
  try {
    process.kill(-pgid, signal)
  } catch {}
}

/**
 * Runs a command in a process group of its own (added to `groups` while it runs, so that the
 * caller can kill it however it ends); resolves with its exit code, the output's tail and stdout.
 */
export function sh(
  command,
  args,
  { cwd, env, timeoutMs = 600_000, echo = false, groups = new Set() }
) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, detached: true })
    groups.add(child.pid)
    let out = ""
    let stdout = ""
    child.stdout.on("data", (d) => (stdout += d.toString()))
    const keep = (d) => {
      out = (out + d.toString()).slice(-20_000)
      if (echo) {
        process.stdout.write(d)
      }
    }
    child.stdout.on("data", keep)
    child.stderr.on("data", keep)
    const timer = setTimeout(() => {
      out += `\n(killed after ${timeoutMs / 1000} s)\n`
      killGroup(child.pid)
    }, timeoutMs)
    child.on("error", (e) => (out += `\n${e.message}\n`))
    child.on("close", (code, signal) => {
      clearTimeout(timer)
      killGroup(child.pid)
      groups.delete(child.pid)
      resolve({ code: code ?? signal, out, stdout })
    })
  })
}

/** `sh`, throwing (with the output's tail printed) when the command fails. */
export async function must(label, command, args, opts) {
  const r = await sh(command, args, opts)
  if (r.code !== 0) {
    console.log(r.out.slice(-4000))
    throw new Error(`${label} failed (exit ${r.code})`)
  }
  return r
}

/**
 * `npm run build` and `npm pack` of the plugin into `packDir`. `timed(label, fn)` wraps each step
 * (for the callers' timings). Resolves with the tarball's path and npm pack's JSON entry.
 *
 * Within one `npm test` the plugin is built once: scripts/test.mjs sets PLUGIN_PACK_CACHE to a
 * folder of its own; the first group that packs leaves the tarball there, later groups use it.
 */
export async function buildAndPack(
  packDir,
  { groups, timed = (_l, fn) => fn() } = {}
) {
  const cache = process.env.PLUGIN_PACK_CACHE
  const cacheEntry = cache && path.join(cache, "pack.json")
  if (cacheEntry && fs.existsSync(cacheEntry)) {
    const packed = JSON.parse(fs.readFileSync(cacheEntry, "utf8"))
    const tarball = path.join(packDir, packed.filename)
    fs.copyFileSync(path.join(cache, packed.filename), tarball)
    console.log(
      `\n> the plugin as packed earlier in this npm test run (${packed.filename})`
    )
    return { tarball, packed }
  }
  await timed("npm run build", () =>
    must("npm run build", "npm", ["run", "build"], {
      cwd: root,
      env: cleanEnv(),
      groups,
    })
  )
  const packed = await timed("npm pack", async () => {
    const r = await must(
      "npm pack",
      "npm",
      ["pack", "--json", "--pack-destination", packDir],
      { cwd: root, env: cleanEnv(), groups }
    )
    return JSON.parse(r.stdout)[0]
  })
  const tarball = path.join(packDir, packed.filename)
  if (cacheEntry && fs.existsSync(cache)) {
    fs.copyFileSync(tarball, path.join(cache, packed.filename))
    fs.writeFileSync(cacheEntry, JSON.stringify(packed))
  }
  return { tarball, packed }
}

/** What a copy of the example leaves out: installed and generated files. */
const NOT_COPIED = new Set([
  "node_modules",
  ".next",
  "next-env.d.ts",
  ".env.local",
  "tsconfig.tsbuildinfo",
])

/**
 * Copies the example storefront's sources to `dest` (created), with the plugin's dependency
 * pointing at `tarball` (a file: path), ready for `npm install`. Returns the files copied.
 */
export function copyExample(dest, tarball) {
  const copied = []
  const walk = (from, to) => {
    fs.mkdirSync(to, { recursive: true })
    for (const e of fs.readdirSync(from, { withFileTypes: true })) {
      if (NOT_COPIED.has(e.name)) {
        continue
      }
      const src = path.join(from, e.name)
      const dst = path.join(to, e.name)
      if (e.isDirectory()) {
        walk(src, dst)
      } else {
        fs.copyFileSync(src, dst)
        copied.push(path.relative(EXAMPLE_DIR, src))
      }
    }
  }
  walk(EXAMPLE_DIR, dest)
  if (tarball) {
    const pkgPath = path.join(dest, "package.json")
    const pkg = JSON.parse(fs.readFileSync(pkgPath, "utf8"))
    pkg.dependencies["medusa-bank-transfer"] = `file:${tarball}`
    fs.writeFileSync(pkgPath, `${JSON.stringify(pkg, null, 2)}\n`)
  }
  return copied
}

/** `npm install` in a copy of the example (the packed plugin included). */
export function installExample(dir, { groups, echo = false } = {}) {
  return sh("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund"], {
    cwd: dir,
    env: cleanEnv(),
    timeoutMs: 900_000,
    groups,
    echo,
  })
}
