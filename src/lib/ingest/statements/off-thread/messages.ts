import type { ParseOptions } from "../index"
import type { ParsedStatement, StatementLine } from "../types"
import { StatementError } from "../types"

/** What the parse worker receives: the file's bytes (a copy) and the parse options. */
export type WorkerInput = { bytes: Uint8Array; opts: ParseOptions }

/**
 * An error as it crosses the thread boundary. Structured clone keeps an Error's message but not its
 * class, so a StatementError is sent as its parts and rebuilt: the route still tells it from a bug.
 */
export type WorkerError =
  | { kind: "statement"; message: string; location?: string }
  | { kind: "error"; name: string; message: string; stack?: string }

/**
 * What the worker sends: the lines in chunks of LINES_PER_MESSAGE, each after the parent asked for
 * it ("next"), then the rest of the statement; or the error. Dates (booked_at, XLSX cells) survive
 * structured clone as Dates.
 */
export type WorkerOutput =
  | { kind: "lines"; lines: StatementLine[] }
  | { kind: "done"; parsed: ParsedStatement }
  | { kind: "failed"; error: WorkerError }

/**
 * Lines per message. Receiving a message is work on the request thread (structured clone is
 * undone there): 100,000 lines in one message stalled the event loop for about 2 s, a chunk of a
 * thousand costs a few milliseconds, and the parent takes the next only after a turn of its loop.
 */
export const LINES_PER_MESSAGE = 1000

/** An error thrown in the worker, in a form structured clone carries whole. */
export function toWorkerError(e: unknown): WorkerError {
  if (e instanceof StatementError) {
    // StatementError prefixes its message with the location; the bare message is rebuilt from it.
    const prefix = e.location ? `${e.location}: ` : ""
    const message = e.message.startsWith(prefix)
      ? e.message.slice(prefix.length)
      : e.message
    return { kind: "statement", message, location: e.location }
  }
  const err = e instanceof Error ? e : new Error(String(e))
  return {
    kind: "error",
    name: err.name,
    message: err.message,
    stack: err.stack,
  }
}

/** The error the caller sees: a StatementError with the same message and location, or an Error. */
export function fromWorkerError(e: WorkerError): Error {
  if (e.kind === "statement") {
    return new StatementError(e.message, e.location)
  }
  const err = new Error(e.message)
  err.name = e.name
  if (e.stack) {
    err.stack = e.stack
  }
  return err
}
