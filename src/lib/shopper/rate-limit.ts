/**
 * Counts hits per key in fixed windows, in memory (one instance's view). `hit(key)` answers
 * `{ allowed: true }` while the key has had at most `limit` hits in its current window, else
 * `{ allowed: false, retry_after_seconds }` (until the window ends). At most `maxKeys` keys are
 * kept: when full, windows that have ended are dropped first, then the oldest keys.
 */
export class FixedWindowLimiter {
  private readonly windows = new Map<string, { start: number; hits: number }>()

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxKeys = 50_000
  ) {}

  hit(
    key: string,
    now = Date.now()
  ): { allowed: true } | { allowed: false; retry_after_seconds: number } {
    let w = this.windows.get(key)
    if (!w || now - w.start >= this.windowMs) {
      this.windows.delete(key)
      this.makeRoom(now)
      w = { start: now, hits: 0 }
      this.windows.set(key, w)
    }
    w.hits++
    if (w.hits <= this.limit) {
      return { allowed: true }
    }
    return {
      allowed: false,
      retry_after_seconds: Math.max(
        1,
        Math.ceil((w.start + this.windowMs - now) / 1000)
      ),
    }
  }

  private makeRoom(now: number) {
    if (this.windows.size < this.maxKeys) {
      return
    }
    for (const [k, w] of this.windows) {
      if (now - w.start >= this.windowMs) {
        this.windows.delete(k)
      }
    }
    // Map keeps insertion order: the first keys are the oldest windows.
    for (const k of this.windows.keys()) {
      if (this.windows.size < this.maxKeys) {
        break
      }
      this.windows.delete(k)
    }
  }
}
