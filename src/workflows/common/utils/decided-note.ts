/**
 * " by admin:user_… at 2026-…" for a 409's message: who decided a suggestion, or undid an
 * allocation, and when (either part left out when unknown).
 */
export const decidedNote = (by?: string | null, at?: Date | string | null) =>
  `${by ? ` by ${by}` : ""}${at ? ` at ${new Date(at).toISOString()}` : ""}`
