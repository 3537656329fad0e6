import crypto from "crypto"

/** Compares two secrets or signatures in constant time (a length mismatch is simply false). */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8")
  const right = Buffer.from(b, "utf8")
  if (left.length !== right.length) {
    // Still spend the comparison so that timing does not reveal the length either.
    crypto.timingSafeEqual(left, left)
    return false
  }
  return crypto.timingSafeEqual(left, right)
}

export function hmacHex(
  algorithm: "sha256" | "sha512",
  secret: string,
  message: string | Buffer
): string {
  return crypto.createHmac(algorithm, secret).update(message).digest("hex")
}

/** Parses "t=123,v1=abc" style headers into a map. */
export function parseSignatureHeader(
  header: string | undefined
): Record<string, string> {
  const parts: Record<string, string> = {}
  for (const piece of (header ?? "").split(",")) {
    const eq = piece.indexOf("=")
    if (eq > 0) {
      parts[piece.slice(0, eq).trim()] = piece.slice(eq + 1).trim()
    }
  }
  return parts
}

/** True when a timestamp (seconds or milliseconds since the epoch) is within ±toleranceMs of now. */
export function isFresh(
  timestamp: string | undefined,
  now: Date,
  toleranceMs = 5 * 60 * 1000
): boolean {
  if (!timestamp || !/^\d{9,13}$/.test(timestamp)) {
    return false
  }
  const n = Number(timestamp)
  const ms = timestamp.length >= 12 ? n : n * 1000
  return Math.abs(now.getTime() - ms) <= toleranceMs
}

export class WebhookError extends Error {
  constructor(
    public readonly status: 400 | 401 | 415,
    message: string
  ) {
    super(message)
  }
}
