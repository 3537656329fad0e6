/**
 * The worker thread's entry: parses one statement file (workerData: WorkerInput), sends its lines
 * a chunk at a time as the parent asks for them, then the rest of the statement (WorkerOutput). Started by parseStatementOffThread, never imported by the server.
 */
import { parentPort, workerData } from "worker_threads"
import { parseStatement } from "../index"
import { toWorkerError } from "./messages"
import type { WorkerInput, WorkerOutput } from "./messages"
import { LINES_PER_MESSAGE } from "./messages"

const { bytes, opts } = workerData as WorkerInput
const port = parentPort!
const post = (out: WorkerOutput) => port.postMessage(out)
const asked = () => new Promise((resolve) => port.once("message", resolve))

async function main() {
  let parsed
  try {
    parsed = await parseStatement(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      opts
    )
  } catch (e) {
    post({ kind: "failed", error: toWorkerError(e) })
    return
  }
  const { lines, ...rest } = parsed
  for (let i = 0; i < lines.length; i += LINES_PER_MESSAGE) {
    post({ kind: "lines", lines: lines.slice(i, i + LINES_PER_MESSAGE) })
    // postMessage has copied them: the parent holds them now, the worker lets go of its own, so
    // that the file's lines are not held twice (once per thread) until the last chunk.
    lines.fill(undefined as never, i, i + LINES_PER_MESSAGE)
    await asked()
  }
  post({ kind: "done", parsed: { ...rest, lines: [] } })
}

void main()
