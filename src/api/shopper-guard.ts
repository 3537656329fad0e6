import type {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { BANK_TRANSFER_MODULE } from "../modules/bank-transfer"
import type BankTransferModuleService from "../modules/bank-transfer/service"
import type { BankTransferOptions } from "../lib/options"
import { FixedWindowLimiter } from "../lib/shopper/rate-limit"
import { redactTokens } from "../lib/shopper/page-token"

const UNREDACTED = Symbol("bank-transfer-unredacted-url")

let limiters: {
  config: BankTransferOptions["rate_limit"]
  address: FixedWindowLimiter
  token: FixedWindowLimiter
} | null = null

function limitersFor(config: BankTransferOptions["rate_limit"]) {
  if (!limiters || limiters.config !== config) {
    const ms = config.window_seconds * 1000
    limiters = {
      config,
      address: new FixedWindowLimiter(config.per_address, ms),
      token: new FixedWindowLimiter(config.per_token, ms),
    }
  }
  return limiters
}

/** The payment token a shopper request carries: in the payment page's path, a header or `?token=`. */
function requestToken(req: MedusaRequest): string | null {
  const url = ((req as any)[UNREDACTED] ?? req.originalUrl ?? req.url).split(
    "?"
  )[0]
  const page = /\/bank-transfer\/pay\/([^/]+)/.exec(url)
  if (page) {
    return page[1]
  }
  const t = req.get("x-bank-transfer-token") ?? req.query?.token
  return typeof t === "string" ? t : null
}

/**
 * Middleware for the shopper routes (payment page and store routes): a simple rate limit in this
 * instance's memory (options `rate_limit`): more than `per_address` requests from one client
 * address, or `per_token` for one payment token, in a window → 429 `{ type: "too_many_requests",
 * message }` with `Retry-After`, before anything is read or looked up.
 */
export async function limitShopperRequests(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
) {
  try {
    const service: BankTransferModuleService =
      req.scope.resolve(BANK_TRANSFER_MODULE)
    const { address, token } = limitersFor(service.getOptions().rate_limit)
    const t = requestToken(req)
    const verdict = [
      address.hit(`ip:${req.ip ?? req.socket?.remoteAddress ?? "?"}`),
      ...(t ? [token.hit(`token:${t}`)] : []),
    ].find((v) => !v.allowed)
    if (verdict && !verdict.allowed) {
      res.setHeader("Retry-After", String(verdict.retry_after_seconds))
      res.status(429).json({
        type: "too_many_requests",
        message: `Too many requests: try again in ${verdict.retry_after_seconds} s`,
      })
      return
    }
    next()
  } catch (e) {
    next(e)
  }
}

/**
 * Middleware for every `/bank-transfer/pay/:token…` response, errors included: it cannot be framed
 * (`X-Frame-Options: DENY`, CSP `frame-ancestors 'none'`; the page itself replaces the CSP with
 * one that also carries its script nonce), is not sniffed, sends no Referer (the token is in the
 * URL), is not cached. The token is replaced by "…" in the URL Medusa's request log writes
 * (`req.originalUrl`, morgan's `:url`); routing uses `req.url`, which keeps it.
 */
export function hardenPaymentPage(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
) {
  res.setHeader("X-Frame-Options", "DENY")
  res.setHeader(
    "Content-Security-Policy",
    "default-src 'none'; frame-ancestors 'none'"
  )
  res.setHeader("X-Content-Type-Options", "nosniff")
  res.setHeader("Referrer-Policy", "no-referrer")
  res.setHeader("Cache-Control", "no-store")
  redactLoggedUrl(req)
  next()
}

/** Middleware: the store routes' `?token=` replaced by "…" in the URL Medusa's request log writes. */
export function redactLoggedUrl(
  req: MedusaRequest,
  _res?: MedusaResponse,
  next?: MedusaNextFunction
) {
  if (req.originalUrl && !(req as any)[UNREDACTED]) {
    ;(req as any)[UNREDACTED] = req.originalUrl
    req.originalUrl = redactTokens(req.originalUrl)
  }
  next?.()
}
