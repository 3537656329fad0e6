// `npm run bench`: runs every bench/*.bench.* file in its own process and prints one table.
// Each bench prints lines `RESULT {"name","value","unit","baseline","ratio","target","ok","why"}` (`why`:
// the reason a figure falls short, when the bench can tell); ratios are against a baseline measured in
// the same run, because these machines are noisy.
import { spawnSync } from "node:child_process"
import { readdirSync } from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"

const here = path.dirname(fileURLToPath(import.meta.url))
const only = process.argv[2]
const files = readdirSync(here)
  .filter((f) => /\.bench\.(ts|mjs)$/.test(f) && (!only || f.includes(only)))
  .sort()

const results = []
for (const file of files) {
  console.log(`\n--- ${file}`)
  const args = file.endsWith(".ts")
    ? [
        "-r",
        "ts-node/register/transpile-only",
        "--expose-gc",
        path.join(here, file),
      ]
    : ["--expose-gc", path.join(here, file)]
  const r = spawnSync(process.execPath, args, {
    cwd: path.join(here, ".."),
    encoding: "utf8",
    env: {
      ...process.env,
      TS_NODE_COMPILER_OPTIONS: JSON.stringify({ module: "commonjs" }),
      MEDUSA_DISABLE_TELEMETRY: "true",
    },
    maxBuffer: 64 * 1024 * 1024,
    timeout: 40 * 60 * 1000,
  })
  for (const line of (r.stdout ?? "").split("\n")) {
    if (line.startsWith("RESULT ")) {
      results.push({ file, ...JSON.parse(line.slice(7)) })
    } else if (line.trim()) {
      console.log(line)
    }
  }
  if (r.status !== 0) {
    console.error(r.stderr?.slice(-3000))
    results.push({ file, name: `${file} failed (exit ${r.status})`, ok: false })
  }
}

const fmt = (v) =>
  typeof v === "number"
    ? Math.abs(v) >= 100
      ? Math.round(v).toLocaleString("en-US")
      : v.toFixed(2)
    : (v ?? "")
const rows = results.map((r) => [
  r.name,
  `${fmt(r.value)} ${r.unit ?? ""}`.trim(),
  r.baseline ?? "",
  r.ratio === undefined ? "" : `${fmt(r.ratio)}×`,
  r.target ?? "",
  r.ok === undefined ? "" : r.ok ? "ok" : "SHORT",
])
const head = ["figure", "value", "baseline (same run)", "ratio", "target", ""]
const widths = head.map((h, i) =>
  Math.max(h.length, ...rows.map((r) => String(r[i]).length))
)
const line = (cells) =>
  "| " + cells.map((c, i) => String(c).padEnd(widths[i])).join(" | ") + " |"
console.log("\n" + line(head))
console.log("|" + widths.map((w) => "-".repeat(w + 2)).join("|") + "|")
rows.forEach((r) => console.log(line(r)))
const short = results.filter((r) => r.ok === false)
console.log(
  short.length
    ? `\n${short.length} figure(s) fall short:\n${short.map((r) => `- ${r.name}: ${r.why ?? "see the README's Performance section"}`).join("\n")}`
    : "\nEvery figure meets its target."
)
