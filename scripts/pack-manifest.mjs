// `npm pack` / `npm publish` lifecycle: the published package.json carries no npm scripts (they
// build, test and run this repository, and mean nothing in a store that installs the plugin).
//   prepack:  node scripts/pack-manifest.mjs strip    (keeps the original in .medusa/)
//   postpack: node scripts/pack-manifest.mjs restore
// npm runs postpack with the scripts it read before prepack, so the restore always runs after a
// successful pack; a pack that failed in between is repaired by the next strip.
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const manifest = path.join(root, "package.json")
const saved = path.join(root, ".medusa", "package.json.unpacked")

function restore() {
  if (fs.existsSync(saved)) {
    fs.copyFileSync(saved, manifest)
    fs.rmSync(saved)
  }
}

const action = process.argv[2]
if (action === "strip") {
  restore()
  fs.mkdirSync(path.dirname(saved), { recursive: true })
  fs.copyFileSync(manifest, saved)
  const pkg = JSON.parse(fs.readFileSync(manifest, "utf8"))
  delete pkg.scripts
  fs.writeFileSync(manifest, JSON.stringify(pkg, null, 2) + "\n")
} else if (action === "restore") {
  restore()
} else {
  console.error("usage: node scripts/pack-manifest.mjs strip|restore")
  process.exit(2)
}
