const VIETNAM_OFFSET_MS = 7 * 3600 * 1000

/**
 * "2023-03-25 14:02:37" as Vietnamese banks and aggregators send it: local time in Vietnam
 * (UTC+7, no daylight saving). ISO strings with an explicit zone are accepted as they are.
 * Returns null for anything else, including impossible dates such as 2023-02-30.
 */
export function parseVietnamTime(value: unknown): Date | null {
  if (typeof value !== "string") {
    return null
  }
  const text = value.trim()
  const m = text.match(
    /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/
  )
  if (!m) {
    if (!/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/.test(text)) {
      return null
    }
    const iso = new Date(text)
    return isNaN(iso.getTime()) ? null : iso
  }
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0))
  const local = new Date(Date.UTC(y, mo - 1, d, h, mi, s))
  const valid =
    local.getUTCFullYear() === y &&
    local.getUTCMonth() === mo - 1 &&
    local.getUTCDate() === d &&
    h < 24 &&
    mi < 60 &&
    s < 60
  return valid ? new Date(local.getTime() - VIETNAM_OFFSET_MS) : null
}
