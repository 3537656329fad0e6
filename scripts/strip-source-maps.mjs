// After `medusa plugin:build`: removes the inline source maps Medusa's compiler always writes
// (it forces `inlineSourceMap` unless `sourceMap` is set, and separate maps would point at
// TypeScript sources the package does not ship). Without them the package is ~40 % smaller.
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"

const dist = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  "..",
  ".medusa",
  "server"
)
const INLINE_MAP = /\n\/\/# sourceMappingURL=data:application\/json[^\n]*\n?$/

let stripped = 0
for (const entry of fs.readdirSync(dist, { recursive: true })) {
  const file = path.join(dist, String(entry))
  if (!/\.(c|m)?js$/.test(file) || !fs.statSync(file).isFile()) {
    continue
  }
  const text = fs.readFileSync(file, "utf8")
  const clean = text.replace(INLINE_MAP, "\n")
  if (clean !== text) {
    fs.writeFileSync(file, clean)
    stripped++
  }
}
console.log(`strip-source-maps: ${stripped} files without their inline map`)
