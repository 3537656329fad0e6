// `npm run lint`: formatting (prettier --check), eslint, and the TypeScript checks of the server code,
// of the admin extensions and of the storefront kit. Runs them all, then says which failed; exits 1 if any did.
import path from "node:path"
import { fileURLToPath } from "node:url"
import { spawn } from "node:child_process"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const bin = (name) => path.join(root, "node_modules", ".bin", name)

const CHECKS = [
  { name: "prettier", cmd: bin("prettier"), args: ["--check", "."] },
  { name: "eslint", cmd: bin("eslint"), args: ["."] },
  {
    name: "tsc (server)",
    cmd: bin("tsc"),
    args: ["--noEmit", "-p", "tsconfig.json"],
  },
  {
    name: "tsc (admin)",
    cmd: bin("tsc"),
    args: ["--noEmit", "-p", "src/admin/tsconfig.json"],
  },
  {
    name: "tsc (storefront)",
    cmd: bin("tsc"),
    args: ["--noEmit", "-p", "src/storefront/tsconfig.json"],
  },
]

function run({ cmd, args }) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: "inherit" })
    child.on("error", (e) => {
      console.error(e.message)
      resolve(1)
    })
    child.on("exit", (code) => resolve(code ?? 1))
  })
}

const failed = []
for (const check of CHECKS) {
  console.log(
    `\n--- ${check.name}: ${path.basename(check.cmd)} ${check.args.join(" ")}`
  )
  const started = Date.now()
  const status = await run(check)
  const seconds = ((Date.now() - started) / 1000).toFixed(0)
  console.log(
    `--- ${check.name}: ${status === 0 ? "ok" : "FAILED"} (${seconds} s)`
  )
  if (status !== 0) {
    failed.push(check.name)
  }
}

if (failed.length) {
  console.error(`\nlint failed: ${failed.join(", ")}`)
  process.exit(1)
}
console.log("\nlint passed")
