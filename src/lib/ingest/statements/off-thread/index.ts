import { existsSync } from "fs"
import { availableParallelism } from "os"
import path from "path"
import { Worker } from "worker_threads"
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
  /** Milliseconds a parse may take before the worker is stopped and the file refused. */
  timeoutMs: number
}

/**
 * A 10 MB statement (the default import_max_bytes) needs a few hundred MB of heap at most (see the
 * README's performance table); the ceiling keeps a hostile file from taking the server's memory.
 */
export const DEFAULT_LIMITS: OffThreadLimits = {
  maxHeapMb: 1536,
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
      resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb },
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
