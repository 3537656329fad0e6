/**
 * The translate function the plugin's pure helpers take (react-i18next's `t`, narrowed): keys live
 * under "bankTransfer" in src/admin/i18n/json/{en,vi}.json. Helpers get it as a parameter, so that
 * they stay pure and are unit-tested with the real translation files.
 */
export type Translate = (
  key: string,
  options?: Record<string, unknown>
) => string

/** "snake_case" → "Snake case": the fallback for a code this version has no words for. */
export const humanise = (s: string) =>
  s.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase())
