// `npm run build`, after the server: compiles the storefront kit (src/storefront) with
// tsconfig.storefront.json into .medusa/storefront as ES modules with .d.ts files, the package's
// `medusa-bank-transfer/storefront` export. Medusa's plugin:build compiles src/** as CommonJS server
// code, so the kit is left out of tsconfig.json and built here. The folder gets its own
// package.json ({"type":"module"}) so that Node and bundlers read its .js files as ES modules.
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { spawnSync } from "node:child_process"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const out = path.join(root, ".medusa", "storefront")

fs.rmSync(out, { recursive: true, force: true })
const tsc = spawnSync(
  path.join(root, "node_modules", ".bin", "tsc"),
  ["-p", "tsconfig.storefront.json"],
  { cwd: root, stdio: "inherit" }
)
if (tsc.status !== 0) {
  console.error("build-storefront: tsc failed")
  process.exit(tsc.status ?? 1)
}
// tsc rewrites "./x.ts" to "./x.js" in the .js files but not in the .d.ts files: done here, so
// that the types resolve without allowImportingTsExtensions in the shop's tsconfig.
for (const f of fs.readdirSync(out).filter((f) => f.endsWith(".d.ts"))) {
  const file = path.join(out, f)
  const text = fs.readFileSync(file, "utf8")
  fs.writeFileSync(
    file,
    text.replace(
      /((?:from|import)\s*\(?\s*["']\.\.?\/[^"']+)\.tsx?(["'])/g,
      "$1.js$2"
    )
  )
}
fs.writeFileSync(
  path.join(out, "package.json"),
  JSON.stringify({ type: "module", sideEffects: false }, null, 2) + "\n"
)

// A module that starts with "use client" in src/storefront must still start with it (Next.js draws
// its client boundaries there), and the index must not (its functions are for Server Components).
const isClient = (file) =>
  /^\s*["']use client["']/.test(fs.readFileSync(file, "utf8"))
const src = path.join(root, "src", "storefront")
const files = fs.readdirSync(out).filter((f) => f.endsWith(".js"))
const client = files.filter((f) => isClient(path.join(out, f)))
for (const f of fs.readdirSync(src)) {
  if (/\.tsx?$/.test(f) && isClient(path.join(src, f))) {
    if (!client.includes(f.replace(/\.tsx?$/, ".js"))) {
      console.error(`build-storefront: ${f} lost its "use client"`)
      process.exit(1)
    }
  }
}
if (client.includes("index.js")) {
  console.error("build-storefront: index.js must not be a client module")
  process.exit(1)
}
// The output loads as Node ES modules, in a browser/SSR build and in a server-component one
// (react-server: React without hooks), and its server-safe functions work there. React 18's
// react-server entry refuses to load at all (no server components before React 19), so that one is
// probed only with React 19 installed.
const reactMajor = Number(
  JSON.parse(
    fs.readFileSync(
      path.join(root, "node_modules", "react", "package.json"),
      "utf8"
    )
  ).version.split(".")[0]
)
const probe = `import("./${path.relative(root, path.join(out, "index.js"))}").then((m) => {
  if (!m.isBankTransfer("pp_bank-transfer_x") || m.paymentTokenOf({ payment_url: "https://s/pay/t" }) !== "t" || typeof m.BankTransferOrderPayment !== "function") throw new Error("exports")
})`
for (const conditions of [
  [],
  ...(reactMajor >= 19 ? [["--conditions=react-server"]] : []),
]) {
  const run = spawnSync(
    process.execPath,
    [...conditions, "--input-type=module", "-e", probe],
    { cwd: root, encoding: "utf8" }
  )
  if (run.status !== 0) {
    console.error(
      `build-storefront: the output does not load${conditions.length ? ` with ${conditions}` : ""}\n${run.stderr}`
    )
    process.exit(1)
  }
}
console.log(
  `build-storefront: ${files.length} modules in ${path.relative(root, out)} (${client.length} client modules)`
)
