/**
 * Statement parsing, each format (CSV, XLSX, CAMT.053, MT940, OFX) at 10,000 and 100,000 lines
 * (files from statement-files.ts): lines per CPU second, peak RSS, and the growth of the cost per line from
 * 10k to 100k (target ≤ 1.2×: a parser linear in the file's length stays near 1). Every figure has
 * its physical baseline from the same run: a bare read of the same file (statement-probe.ts
 * `bare`). Each measurement runs in a child process of its own, so that peak RSS is its own.
 * Last, how long the event loop stalls while a 100,000-line OFX file parses inline and in a worker.
 * BENCH_STATEMENT_FORMATS=CSV,OFX limits the formats.
 */
import { spawnSync } from "child_process"
import { mkdtempSync, rmSync, writeFileSync } from "fs"
import os from "os"
import path from "path"
import { FORMATS, statementFile } from "./statement-files"
import type { BenchFormat } from "./statement-files"

const SMALL = 10_000
const LARGE = 100_000
const GROWTH_TARGET = 1.2
const only = process.env.BENCH_STATEMENT_FORMATS?.split(",")

type Probe = {
  /** CPU seconds (user + system, all threads) of a run, averaged over the runs. */
  seconds: number
  wallSeconds: number
  lines: number
  maxRssMb: number
  maxGapMs?: number
}

const result = (r: object) => console.log(`RESULT ${JSON.stringify(r)}`)
const n = (v: number) => Math.round(v).toLocaleString("en-US")
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`

function probe(
  mode: string,
  format: BenchFormat,
  file: string,
  lines: number,
  repeat = 1
): Probe {
  const r = spawnSync(
    process.execPath,
    [
      "-r",
      "ts-node/register/transpile-only",
      path.join(__dirname, "statement-probe.ts"),
      mode,
      format,
      file,
      String(lines),
      String(repeat),
    ],
    { encoding: "utf8", env: process.env, maxBuffer: 16 * 1024 * 1024 }
  )
  if (r.status !== 0) {
    throw new Error(`${mode} ${format} ${lines}: ${r.stderr.slice(-2000)}`)
  }
  return JSON.parse(r.stdout.trim().split("\n").pop()!)
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "statement-bench-"))
  try {
    for (const format of FORMATS.filter((f) => !only || only.includes(f))) {
      const runs = []
      for (const lines of [SMALL, LARGE]) {
        const buf = await statementFile(format, lines)
        const file = path.join(dir, `${format}-${lines}`)
        writeFileSync(file, buf)
        // The 10k file 10 times, the 100k file twice: the same work at each size (GC included),
        // and more than one run against the noise of the machine's other work.
        const repeat = lines === SMALL ? 10 : 2
        const bare = probe("bare", format, file, lines, repeat)
        const parse = probe("parse", format, file, lines, repeat)
        runs.push({ lines, bytes: buf.length, bare, parse })
        rmSync(file)
      }
      const [small, large] = runs
      const perLine = (p: Probe, lines: number) => (p.seconds / lines) * 1e6
      const growth = (pick: (r: (typeof runs)[number]) => Probe) =>
        perLine(pick(large), LARGE) / perLine(pick(small), SMALL)
      result({
        name: `parse ${format}, ${n(LARGE)} lines (${mb(large.bytes)})`,
        value: LARGE / large.parse.seconds,
        unit: "lines/s (CPU)",
        baseline: `bare read ${n(LARGE / large.bare.seconds)} lines/s`,
        ratio: large.parse.seconds / large.bare.seconds,
      })
      result({
        name: `parse ${format}: cost per line, 100k vs 10k lines`,
        value: perLine(large.parse, LARGE),
        unit: "µs/line (CPU)",
        baseline: `${perLine(small.parse, SMALL).toFixed(1)} µs/line at 10k; bare read grows ${growth((r) => r.bare).toFixed(2)}×`,
        ratio: growth((r) => r.parse),
        target: `≤ ${GROWTH_TARGET}×`,
        ok: growth((r) => r.parse) <= GROWTH_TARGET,
      })
      result({
        name: `parse ${format}, ${n(LARGE)} lines: peak RSS`,
        value: large.parse.maxRssMb,
        unit: "MB",
        baseline: `bare read ${n(large.bare.maxRssMb)} MB; 10k lines ${n(small.parse.maxRssMb)} MB`,
        ratio: large.parse.maxRssMb / large.bare.maxRssMb,
      })
    }
    if (!only || only.includes("OFX")) {
      const file = path.join(dir, "OFX-loop")
      writeFileSync(file, await statementFile("OFX", LARGE))
      const inline = probe("inline", "OFX", file, LARGE)
      const worker = probe("worker", "OFX", file, LARGE)
      result({
        name: `longest event-loop stall while ${n(LARGE)} OFX lines parse in a worker`,
        value: worker.maxGapMs,
        unit: "ms",
        baseline: `inline ${n(inline.maxGapMs!)} ms (parse ${inline.wallSeconds.toFixed(1)} s inline, ${worker.wallSeconds.toFixed(1)} s in the worker, wall)`,
        ratio: worker.maxGapMs! / inline.maxGapMs!,
      })
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
