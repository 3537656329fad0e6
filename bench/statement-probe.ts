/**
 * One measurement of the statement-parsing bench, in a process of its own so that its peak RSS is
 * its own: `statement-probe.ts <mode> <format> <file> <lines> [repeat]` prints one JSON line
 * `{seconds, wallSeconds, lines, maxRssMb, maxGapMs?}` (seconds: mean CPU time of `repeat` runs;
 * wallSeconds: the fastest run's wall time).
 *   bare    the physical floor: read the file and look at every line once (an XLSX's entries are
 *           inflated and their rows counted)
 *   parse   parseStatement on the request thread, as a figure of the parser alone
 *   inline / worker   the same parse inline or through parseStatementOffThread, while a 10 ms
 *           timer measures the longest gap between its ticks (how long a server would not answer)
 * Each mode first does the same twice on a 10,000-line file: the JIT needs a few runs to settle (a
 * first 10k-line CSV parse takes about three times as long as the fourth), and the per-line growth
 * is to measure the parser, not the warm-up.
 */
import { readFileSync } from "fs"
import { performance } from "perf_hooks"
import { inflateRawSync } from "zlib"
import { parseStatement } from "../src/lib/ingest/statements"
import { parseStatementOffThread } from "../src/lib/ingest/statements/off-thread"
import { readZipDirectory } from "../src/lib/ingest/statements/zip-limits"
import { ACCOUNT, statementFile } from "./statement-files"
import type { BenchFormat } from "./statement-files"

const [mode, format, file, expected, repeat = "1"] = process.argv.slice(2) as [
  string,
  BenchFormat,
  string,
  string,
  string?,
]

/** Lines holding a digit, after reading (and for XLSX inflating) the bytes: nothing is interpreted. */
function bareRead(buf: Buffer): number {
  const texts =
    format === "XLSX"
      ? readZipDirectory(buf).map((e) => {
          const start =
            e.localOffset +
            30 +
            buf.readUInt16LE(e.localOffset + 26) +
            buf.readUInt16LE(e.localOffset + 28)
          const data = buf.subarray(start, start + e.compressed)
          return (e.method === 8 ? inflateRawSync(data) : data).toString()
        })
      : [buf.toString("utf8")]
  let n = 0
  for (const text of texts) {
    // A worksheet is one long line of XML: its rows are its lines.
    for (const line of text.split(format === "XLSX" ? "<row" : "\n")) {
      if (/\d/.test(line)) {
        n++
      }
    }
  }
  return n
}

const options = { maxBytes: 1024 * 1024 * 1024, expectedAccounts: [ACCOUNT] }

async function once(path: string | Buffer): Promise<number> {
  const buf = typeof path === "string" ? readFileSync(path) : path
  if (mode === "bare") {
    return bareRead(buf)
  }
  if (mode === "worker") {
    return (await parseStatementOffThread(buf, options, { maxHeapMb: 4096 }))
      .lines.length
  }
  return (await parseStatement(buf, options)).lines.length
}

/**
 * `memory`: the parse's peak memory growth over the process as it stands with the file read
 * (ts-node, the modules, a warm-up parse of a 1,000-line file, the file's bytes): RSS from the
 * kernel's high-water mark (maxRSS), heap from V8's own GC trace (`--trace-gc`, the used heap at
 * each collection, the largest during the parse), and the heap the result itself keeps (after a
 * full GC, with the result still referenced): the floor of any parser that returns every line.
 */
async function memory() {
  const gc = (globalThis as any).gc as () => void
  await once(await statementFile(format, 1_000))
  const buf = readFileSync(file)
  gc()
  const rss0 = process.memoryUsage().rss
  const maxRss0 = process.resourceUsage().maxRSS * 1024
  const heap0 = process.memoryUsage().heapUsed
  console.log("PARSE-START")
  const parsed = await parseStatement(buf, options)
  console.log("PARSE-END")
  const heapEnd = process.memoryUsage().heapUsed
  const maxRss1 = process.resourceUsage().maxRSS * 1024
  // A few turns of the event loop first: a zlib stream lets go of its consumer when its native
  // handle closes, after the parse has returned.
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setImmediate(resolve))
  }
  gc()
  const kept = process.memoryUsage().heapUsed - heap0
  if (parsed.lines.length !== Number(expected)) {
    throw new Error(
      `${format}: ${parsed.lines.length} lines parsed, ${expected} expected`
    )
  }
  console.log(
    JSON.stringify({
      bytes: buf.length,
      lines: parsed.lines.length,
      // The high-water mark over the RSS before the parse: exact when the parse set a new mark
      // (rssExact), else an upper bound (the warm-up's mark was higher).
      rssGrowth: maxRss1 - rss0,
      rssExact: maxRss1 > maxRss0,
      rss0,
      heap0,
      heapEnd,
      kept,
    })
  )
}

async function main() {
  if (mode === "memory") {
    return memory()
  }
  const warmUp = await statementFile(format, 10_000)
  await once(warmUp)
  await once(warmUp)
  // The longest wait between two ticks of a 10 ms timer, the last one after the parse included.
  let last = performance.now()
  let maxGapMs = 0
  const timer = setInterval(() => {
    const now = performance.now()
    maxGapMs = Math.max(maxGapMs, now - last)
    last = now
  }, 10)
  // CPU time (all of this process's threads, GC included), averaged over `repeat` runs: on a shared
  // machine wall time also counts the waits for a core. An average, not the fastest run: a short
  // run may escape the garbage collector, and the runs of the small file should do as much work in
  // all as one run of the large one (10 × 10k against 100k lines), GC included.
  let cpuTotal = 0
  let wallSeconds = Infinity
  let lines = 0
  for (let run = 0; run < Number(repeat); run++) {
    const cpu = process.cpuUsage()
    const started = process.hrtime.bigint()
    lines = await once(file)
    const used = process.cpuUsage(cpu)
    cpuTotal += (used.user + used.system) / 1e6
    wallSeconds = Math.min(
      wallSeconds,
      Number(process.hrtime.bigint() - started) / 1e9
    )
  }
  const seconds = cpuTotal / Number(repeat)
  await new Promise((resolve) => setTimeout(resolve, 30))
  clearInterval(timer)
  if (mode !== "bare" && lines !== Number(expected)) {
    throw new Error(`${format}: ${lines} lines parsed, ${expected} expected`)
  }
  console.log(
    JSON.stringify({
      seconds,
      wallSeconds,
      lines,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      ...(mode === "inline" || mode === "worker" ? { maxGapMs } : {}),
    })
  )
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
