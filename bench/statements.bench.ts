/**
 * Statement parsing, each format (CSV, XLSX, CAMT.053, MT940, OFX) at 10,000 and 100,000 lines
 * (files from statement-files.ts): lines per CPU second, peak RSS, and the growth of the cost per line from
 * 10k to 100k (target ≤ 1.2×: a parser linear in the file's length stays near 1). Every figure has
 * its physical baseline from the same run: a bare read of the same file (statement-probe.ts
 * `bare`). Each measurement runs in a child process of its own, so that peak RSS is its own.
 * Then, for CAMT.053 and XLSX at 50,000 and 100,000 lines, the parse's peak memory growth against
 * the file's size (target ≤ 3×, and no growth of that ratio from 50k to 100k lines): in a process
 * of its own with the file read, RSS from the kernel's high-water mark and heap from V8's GC trace,
 * both over the same process just before the parse (statement-probe.ts `memory`), with the heap the
 * result itself keeps (every line is kept for the preview: the floor of any parser).
 * Last, how long the event loop stalls while a 100,000-line OFX file parses inline and in a worker.
 * BENCH_STATEMENT_FORMATS=CSV,OFX limits the formats.
 */
import { spawnSync } from "child_process"
import {
  closeSync,
  mkdtempSync,
  openSync,
  readSync,
  rmSync,
  writeFileSync,
} from "fs"
import os from "os"
import path from "path"
import { FORMATS, statementFile } from "./statement-files"
import {
  DEFAULT_LIMITS,
  youngGenerationFor,
} from "../src/lib/ingest/statements/off-thread"
import type { BenchFormat } from "./statement-files"

const SMALL = 10_000
const LARGE = 100_000
const GROWTH_TARGET = 1.2
const MEMORY_FORMATS: BenchFormat[] = ["CAMT.053", "XLSX"]
const MEMORY_LINES = [50_000, 100_000]
const MEMORY_TARGET = 3
const only = process.env.BENCH_STATEMENT_FORMATS?.split(",")

/**
 * Every probe runs with the young generation the parse worker gives this file (youngGenerationFor,
 * from the file's head as its format is detected; a semi-space is a third of it, V8's default when
 * there is none): the parse measured as the server runs it.
 */
function workerHeap(file: string): string[] {
  const head = Buffer.alloc(4096)
  const fd = openSync(file, "r")
  const read = readSync(fd, head, 0, head.length, 0)
  closeSync(fd)
  const mb = youngGenerationFor(
    head.subarray(0, read),
    { fileName: file },
    DEFAULT_LIMITS
  )
  return mb === undefined ? [] : [`--max-semi-space-size=${mb / 3}`]
}

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
      ...workerHeap(file),
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

type Memory = {
  bytes: number
  lines: number
  rssGrowth: number
  rssExact: boolean
  rss0: number
  heap0: number
  /** The largest heap V8 reported during the parse (GC trace), less the heap before it. */
  heapGrowth: number
  kept: number
}

/** statement-probe.ts `memory` in a process of its own, with V8's GC trace on stdout. */
function probeMemory(format: BenchFormat, file: string, lines: number): Memory {
  const r = spawnSync(
    process.execPath,
    [
      ...workerHeap(file),
      "--expose-gc",
      "--trace-gc",
      "-r",
      "ts-node/register/transpile-only",
      path.join(__dirname, "statement-probe.ts"),
      "memory",
      format,
      file,
      String(lines),
    ],
    { encoding: "utf8", env: process.env, maxBuffer: 64 * 1024 * 1024 }
  )
  if (r.status !== 0) {
    throw new Error(`memory ${format} ${lines}: ${r.stderr.slice(-2000)}`)
  }
  const out = r.stdout.split("\n")
  const during = out.slice(out.indexOf("PARSE-START"), out.indexOf("PARSE-END"))
  // "Scavenge 40.5 (58.8) -> 24.8 (58.2) MB": used heap before and after each collection, in MB.
  let peakMb = 0
  for (const line of during) {
    const m =
      /(?:Scavenge|Mark-Compact|Mark-sweep)\S*\s+([\d.]+)\s+\([\d.]+\)\s+->\s+([\d.]+)/.exec(
        line
      )
    if (m) {
      peakMb = Math.max(peakMb, Number(m[1]), Number(m[2]))
    }
  }
  const probe = JSON.parse(out.filter((l) => l.startsWith("{")).pop()!)
  const peak = Math.max(peakMb * 1048576, probe.heapEnd)
  return { ...probe, heapGrowth: peak - probe.heap0 }
}

/**
 * Why a parse cannot be within the target, when the lines it returns (every one is kept for the
 * import's preview) already hold more than the target times the file: nothing to do with the reader.
 */
function keptWhy(m: Memory): string | undefined {
  const kept = m.kept / m.bytes
  return kept > MEMORY_TARGET
    ? `the ${n(m.lines)} lines returned (each kept for the preview) alone hold ${kept.toFixed(1)}× the file, more than the target before any reading`
    : undefined
}

async function memoryResults(dir: string) {
  for (const format of MEMORY_FORMATS.filter(
    (f) => !only || only.includes(f)
  )) {
    const runs: Memory[] = []
    for (const lines of MEMORY_LINES) {
      const file = path.join(dir, `${format}-memory-${lines}`)
      writeFileSync(file, await statementFile(format, lines))
      runs.push(probeMemory(format, file, lines))
      rmSync(file)
    }
    for (const m of runs) {
      const ratio = m.rssGrowth / m.bytes
      result({
        name: `parse ${format}, ${n(m.lines)} lines (${mb(m.bytes)}): peak RSS growth over the file`,
        value: m.rssGrowth / 1048576,
        unit: "MB",
        baseline: `file ${mb(m.bytes)}; RSS before the parse ${n(m.rss0 / 1048576)} MB${m.rssExact ? "" : " (an upper bound)"}; heap growth ${mb(m.heapGrowth)} (${(m.heapGrowth / m.bytes).toFixed(2)}×), of which the result keeps ${mb(m.kept)} (${(m.kept / m.bytes).toFixed(2)}×)`,
        ratio,
        target: `≤ ${MEMORY_TARGET}×`,
        ok: ratio <= MEMORY_TARGET,
        why: keptWhy(m),
      })
    }
    const [small, large] = runs
    const per = (m: Memory, v: number) => v / m.bytes
    const growth = per(large, large.rssGrowth) / per(small, small.rssGrowth)
    result({
      name: `parse ${format}: peak memory per file byte, ${n(large.lines)} vs ${n(small.lines)} lines`,
      value: per(large, large.rssGrowth),
      unit: "× file (RSS)",
      baseline: `${per(small, small.rssGrowth).toFixed(2)}× at ${n(small.lines)}; heap ${per(small, small.heapGrowth).toFixed(2)}× → ${per(large, large.heapGrowth).toFixed(2)}×`,
      ratio: growth,
      target: `≤ ${GROWTH_TARGET}×`,
      ok: growth <= GROWTH_TARGET,
    })
  }
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
    await memoryResults(dir)
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
