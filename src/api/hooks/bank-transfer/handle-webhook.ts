import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { BANK_TRANSFER_MODULE } from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"
import type { BankTransferOptions } from "../../../lib/options"
import { recordReports } from "./record-reports"
import { unstorableInput } from "../../../lib/safe-text"
import { WebhookError } from "../../../lib/ingest/webhooks/signature"
import { ThrottledWriter } from "../../../lib/concurrency/throttled-writer"
import { parseJsonLossless } from "../../../lib/ingest/webhooks/lossless-json"
import type { IncomingLine } from "../../../lib/ingest/webhooks/types"

type Channel = {
  source: string
  /**
   * Throws WebhookError(401) unless the request is signed; runs before the body is validated.
   * `body` is the raw body read by `parseJsonLossless` (big integers as digit strings).
   */
  verify: (
    req: MedusaRequest,
    rawBody: Buffer,
    options: BankTransferOptions,
    body: unknown
  ) => void
  /** Throws WebhookError(400) for a malformed body; `body` as read by `parseJsonLossless`. */
  parse: (body: unknown, req: MedusaRequest) => IncomingLine[]
  reply: (result: {
    created: number
    duplicates: number
  }) => Record<string, unknown>
}

/**
 * The shared shape of every bank webhook: verify the signature (401, nothing stored), validate the
 * body (400, nothing stored), store the lines once (2xx with what the provider expects). Matching
 * happens afterwards, in a subscriber, so that the bank is answered quickly.
 */
export async function handleWebhook(
  req: MedusaRequest,
  res: MedusaResponse,
  channel: Channel
) {
  const service: BankTransferModuleService =
    req.scope.resolve(BANK_TRANSFER_MODULE)
  const rawBody = (req as any).rawBody as Buffer | undefined
  try {
    // Every channel posts JSON; a body sent as another type is not theirs, whatever it holds.
    if (!isJson(req.headers["content-type"])) {
      throw new WebhookError(
        415,
        "Unsupported Content-Type: the webhook takes application/json"
      )
    }
    if (!rawBody?.length) {
      throw new WebhookError(400, "Empty body: a JSON object was expected")
    }
    // Before the signature too: Casso's is computed over the parsed body, which must be sane to walk.
    const unstorable = unstorableInput(req.body)
    if (unstorable) {
      throw new WebhookError(400, `Malformed body: ${unstorable}`)
    }
    // Ids up to 2^63 − 1 must stay exact: the raw text again, with big integers kept as text.
    const body = readBody(rawBody)
    // Webhook secrets are file-only (never run-time settings): the parsed file options suffice.
    channel.verify(req, rawBody, service.getOptions(), body)
    const lines = channel.parse(body, req)
    if (req.headers["x-bank-transfer-test"] === "1") {
      // The admin's "send a test": signature and body checked, nothing stored.
      res.status(200).json({ success: true, test: true, lines: lines.length })
      return
    }
    if (!lines.length) {
      // A delivery that reports no money (payOS with a code other than "00"): acknowledged only.
      await recordOutcome(req, service, { channel: channel.source, ok: true })
      res.status(200).json(channel.reply({ created: 0, duplicates: 0 }))
      return
    }
    // Stored and announced; the matching that follows runs in a subscriber.
    const result = await recordReports(req.scope, channel.source, lines)
    await recordOutcome(req, service, { channel: channel.source, ok: true })
    res.status(200).json(channel.reply(result))
  } catch (e) {
    await recordOutcome(req, service, {
      channel: channel.source,
      ok: false,
      error:
        e instanceof WebhookError
          ? `${e.status}: ${e.message}`
          : `500: ${e instanceof Error ? e.message : String(e)}`,
    })
    if (e instanceof WebhookError) {
      res.status(e.status).json({ success: false, message: e.message })
      return
    }
    throw e
  }
}

/** When this instance last recorded a refused delivery, per channel (see recordOutcome). */
const lastErrorWrite = new Map<string, number>()
const ERROR_WRITE_INTERVAL_MS = 5_000

/** "Last delivery at" is written at most once a second per channel on each instance. */
const DELIVERY_WRITE_INTERVAL_MS = 1_000

/**
 * Accepted deliveries' times, per channel (ThrottledWriter): the first after a quiet second is
 * written before the bank is answered; those within the second are merged into one write at its
 * end (the latest time wins), instead of one write per delivery.
 */
const deliveries = new WeakMap<
  BankTransferModuleService,
  ThrottledWriter<Date>
>()
function recordDelivery(
  req: MedusaRequest,
  service: BankTransferModuleService,
  channel: string,
  at: Date
) {
  let writer = deliveries.get(service)
  if (!writer) {
    const logger = req.scope.resolve("logger")
    writer = new ThrottledWriter<Date>(
      (channel, at) => service.recordWebhookOutcome({ channel, ok: true, at }),
      (a, b) => (a > b ? a : b),
      {
        intervalMs: DELIVERY_WRITE_INTERVAL_MS,
        onError: (channel, e) => logger.warn(cannotRecord(channel, e)),
      }
    )
    deliveries.set(service, writer)
  }
  return writer.submit(channel, at)
}

const cannotRecord = (channel: string, e: unknown) =>
  `bank-transfer: could not record the ${channel} webhook delivery's outcome: ${(e as Error).message}`

/**
 * Records a delivery's outcome for the settings tab (last delivery, last error). A test from the
 * admin is not a delivery. Accepted deliveries are written at most once a second per channel
 * (recordDelivery: the first after a quiet second before the bank is answered); refused ones are
 * recorded at most once per channel every few seconds on each instance, so that a flood of
 * unsigned requests does not become a flood of writes. A failure to record never changes the
 * bank's answer.
 */
async function recordOutcome(
  req: MedusaRequest,
  service: BankTransferModuleService,
  outcome:
    | { channel: string; ok: true }
    | { channel: string; ok: false; error: string }
) {
  if (req.headers["x-bank-transfer-test"] === "1") {
    return
  }
  const now = Date.now()
  if (!outcome.ok) {
    if (
      now - (lastErrorWrite.get(outcome.channel) ?? 0) <
      ERROR_WRITE_INTERVAL_MS
    ) {
      return
    }
    lastErrorWrite.set(outcome.channel, now)
  }
  try {
    if (outcome.ok) {
      await recordDelivery(req, service, outcome.channel, new Date(now))
    } else {
      await service.recordWebhookOutcome({ ...outcome, at: new Date(now) })
    }
  } catch (e) {
    req.scope.resolve("logger").warn(cannotRecord(outcome.channel, e))
  }
}

/** application/json or a `+json` type, with or without parameters such as charset. */
function isJson(contentType: string | undefined): boolean {
  return /^application\/([\w.-]+\+)?json\s*(;|$)/i.test(contentType ?? "")
}

/** The raw body as JSON, big integers kept exactly (`parseJsonLossless`), or a 400. */
function readBody(rawBody: Buffer): unknown {
  try {
    return parseJsonLossless(rawBody.toString("utf8"))
  } catch {
    throw new WebhookError(400, "Malformed body: not valid JSON")
  }
}

export function notConfigured(channel: string): never {
  throw new WebhookError(
    401,
    `The ${channel} webhook is not configured (no secret in the plugin options)`
  )
}
