const VIETNAM_OFFSET_MS = 7 * 3600 * 1000

/**
 * "2023-03-25 14:02:37" as Vietnamese banks and aggregators send it: local time in Vietnam
 * (UTC+7, no daylight saving); also "2023-03-25T14:02", "2023-03-25 14:02:37.123" and a date
 * alone ("2026-11-30", Casso v1's `when`), read as midnight in Vietnam. ISO strings with an
 * explicit zone are accepted as they are. Returns null for anything else, including impossible
 * dates such as 2023-02-30.
 */
export function parseVietnamTime(value: unknown): Date | null {
  if (typeof value !== "string") {
    return null
  }
  const text = value.trim()
  const m = text.match(
    /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?$/
  )
  if (!m) {
    if (!/^\d{4}-\d{2}-\d{2}[ T]\d.*(Z|[+-]\d{2}:?\d{2})$/.test(text)) {
      return null
    }
    const iso = new Date(text.replace(" ", "T"))
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
