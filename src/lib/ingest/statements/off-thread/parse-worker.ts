/**
 * The worker thread's entry: parses one statement file (workerData: WorkerInput) and posts one
 * WorkerOutput, then ends. Started by parseStatementOffThread, never imported by the server.
 */
import { parentPort, workerData } from "worker_threads"
import { parseStatement } from "../index"
import { toWorkerError } from "./messages"
import type { WorkerInput, WorkerOutput } from "./messages"

const { bytes, opts } = workerData as WorkerInput
const post = (out: WorkerOutput) => parentPort!.postMessage(out)

parseStatement(
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
  opts
).then(
  (parsed) => post({ ok: true, parsed }),
  (e) => post({ ok: false, error: toWorkerError(e) })
)
