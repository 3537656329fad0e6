import { existsSync } from "fs"
import { availableParallelism } from "os"
import path from "path"
import { Worker } from "worker_threads"
import { detectFormat } from "../index"
import type { ParseOptions } from "../index"
import type { ParsedStatement, StatementLine } from "../types"
import { StatementError } from "../types"
import { fromWorkerError } from "./messages"
import type { WorkerInput, WorkerOutput } from "./messages"
import { createSlots } from "./slots"

/** Limits of one off-thread parse. */
export type OffThreadLimits = {
  /** The worker's heap ceiling in MB (V8 old generation); past it the file is refused. */
  maxHeapMb: number
  /**
   * The worker's young generation in MB for the formats read as text (V8
   * `maxYoungGenerationSizeMb`: two semi-spaces and the new large-object space, so a third of it is
   * one semi-space, `--max-semi-space-size`). An XLSX parse keeps V8's default (youngGenerationFor).
   */
  youngGenerationMb: number
  /** Milliseconds a parse may take before the worker is stopped and the file refused. */
  timeoutMs: number
}

/**
 * A 10 MB statement (the default import_max_bytes) needs a few hundred MB of heap at most (see the
 * README's performance table); the ceiling keeps a hostile file from taking the server's memory.
 * The young generation is kept small: a parse makes garbage at the pace it reads (every XML
 * chunk, tag and field), and V8's default semi-space of 16 MB lets up to that much of it wait for
 * a collection, a whole file's worth for a 15 MB CAMT.053. With 4 MB semi-spaces the peak of a
 * 50,000-line CAMT.053 fell from about 3.3× to 2.7× the file, for the same CPU time (README
 * "Performance").
 */
export const DEFAULT_LIMITS: OffThreadLimits = {
  maxHeapMb: 1536,
  youngGenerationMb: 12,
  timeoutMs: 5 * 60 * 1000,
}

// Parsing is CPU work: one worker per spare core, at most two, so the request thread keeps a core.
const slots = createSlots(Math.max(1, Math.min(2, availableParallelism() - 1)))

/**
 * The compiled worker (`parse-worker.js`, next to this file in `.medusa/server`) when it exists;
 * from source (jest, `medusa develop`, the bench) the TypeScript file through ts-node, which the
 * worker has to register itself: a worker thread does not inherit the parent's require hooks.
 */
function workerEntry(): { target: string; eval: boolean } {
  const js = path.join(__dirname, "parse-worker.js")
  if (existsSync(js)) {
    return { target: js, eval: false }
  }
  const ts = path.join(__dirname, "parse-worker.ts")
  // Resolved here, from this file: an eval'd worker would look for it from the working directory.
  const tsNode = require.resolve("ts-node")
  return {
    target: `require(${JSON.stringify(tsNode)}).register({ transpileOnly: true, compilerOptions: { module: "commonjs" } }); require(${JSON.stringify(ts)})`,
    eval: true,
  }
}

/**
 * The young generation (MB) a parse of `buf` runs with, or undefined for V8's default: an XLSX
 * (a zip archive) keeps the default. Its sheet's cells live until the sheet is read whole; in a
 * small young generation they are promoted early and die in the old one, and its peak rose from
 * 47× to 64× the file at 100,000 rows.
 */
export function youngGenerationFor(
  buf: Buffer,
  opts: Pick<ParseOptions, "fileName">,
  limits: Pick<OffThreadLimits, "youngGenerationMb">
): number | undefined {
  return detectFormat(buf, opts.fileName) === "xlsx"
    ? undefined
    : limits.youngGenerationMb
}

function runWorker(
  buf: Buffer,
  opts: ParseOptions,
  limits: OffThreadLimits
): Promise<ParsedStatement> {
  return new Promise((resolve, reject) => {
    const entry = workerEntry()
    // The bytes are copied (structured clone), not transferred: the caller still hashes the file.
    const input: WorkerInput = { bytes: buf, opts }
    const worker = new Worker(entry.target, {
      eval: entry.eval,
      workerData: input,
      resourceLimits: {
        maxOldGenerationSizeMb: limits.maxHeapMb,
        maxYoungGenerationSizeMb: youngGenerationFor(buf, opts, limits),
      },
    })
    let settled = false
    const settle = (fn: () => void) => {
      if (settled) {
        return
      }
      settled = true
      clearTimeout(timer)
      void worker.terminate()
      fn()
    }
    const timer = setTimeout(
      () =>
        settle(() =>
          reject(
            new StatementError(
              `reading the file took longer than ${Math.round(limits.timeoutMs / 1000)} s: it was stopped`
            )
          )
        ),
      limits.timeoutMs
    )
    const lines: StatementLine[] = []
    worker.on("message", (out: WorkerOutput) => {
      if (out.kind === "lines") {
        lines.push(...out.lines)
        // The next chunk after a turn of the event loop: requests waiting meanwhile are answered.
        setImmediate(() => !settled && worker.postMessage("next"))
      } else if (out.kind === "done") {
        settle(() => resolve({ ...out.parsed, lines }))
      } else {
        settle(() => reject(fromWorkerError(out.error)))
      }
    })
    worker.once("error", (e: any) =>
      settle(() =>
        reject(
          e?.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? new StatementError(
                `reading the file needs more than ${limits.maxHeapMb} MB of memory`
              )
            : e
        )
      )
    )
    worker.once("exit", (code) =>
      settle(() =>
        reject(new Error(`the statement parser ended (code ${code}) unasked`))
      )
    )
  })
}

/**
 * parseStatement (same options, same result, same StatementError with its location) run in a worker
 * thread, so that the request thread keeps answering while a large file is read. One worker per
 * file, ended after it answers, so its memory goes back when it is done; at most one or two run at
 * a time (by cores) and the others wait their turn. Refuses the file with a StatementError when the
 * parse passes `limits.maxHeapMb` of heap or `limits.timeoutMs`.
 */
export function parseStatementOffThread(
  buf: Buffer,
  opts: ParseOptions,
  limits: Partial<OffThreadLimits> = {}
): Promise<ParsedStatement> {
  return slots.run(() => runWorker(buf, opts, { ...DEFAULT_LIMITS, ...limits }))
}

/** Parses running and waiting for a worker (for tests and logs). */
export const offThreadStats = () => slots.stats()
