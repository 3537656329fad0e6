import { fingerprint } from "../../../lib/ingest/fingerprint"
import type { StatementLine } from "../../../lib/ingest/statements"

export const STATEMENT_SOURCE = "statement"
/** Lines beyond this are imported and matched as usual, but not dry-run matched in the preview. */
export const PREVIEW_MATCH_LIMIT = 2000

export type PlannedLine = Omit<StatementLine, "booked_at"> & {
  booked_at: string
  fingerprint: string
  dedupe_key: string
  /** "new", "known" (this statement line was imported before) or "known_other_channel" (e.g. a webhook). */
  state: "new" | "known" | "known_other_channel"
  outcome?: string
  order_ids?: string[]
}

/**
 * Each statement line's fingerprint and ledger key, all "new" until the ledger is asked: the same
 * statement line has the same key (the bank's id, or fingerprint + its occurrence in the file), so
 * that lines that look identical are counted and two real 500,000 ₫ transfers with the same memo
 * stay two.
 */
export function keyStatementLines(lines: (StatementLine | PlannedLine)[]): PlannedLine[] {
  const seen = new Map<string, number>()
  return lines.map((l) => {
    const line = { ...l, booked_at: new Date(l.booked_at) }
    const fp = fingerprint(line)
    const n = (seen.get(fp) ?? 0) + 1
    seen.set(fp, n)
    const key = l.external_id
      ? `${STATEMENT_SOURCE}:${(l.account ?? "").replace(/\s/g, "")}:${l.external_id}`
      : `${STATEMENT_SOURCE}:${fp}:${n}`
    return { ...l, booked_at: line.booked_at.toISOString(), fingerprint: fp, dedupe_key: key, state: "new" as const }
  })
}

/**
 * Marks lines already in the ledger: `known` keys were imported before; otherwise a fingerprint
 * found elsewhere (a webhook delivered it) is used up once per line that carries it.
 */
export function markKnownLines(planned: PlannedLine[], known: Set<string>, elsewhere: Map<string, number>) {
  const left = new Map(elsewhere)
  for (const p of planned) {
    if (known.has(p.dedupe_key)) {
      p.state = "known"
      continue
    }
    const n = left.get(p.fingerprint) ?? 0
    if (n > 0) {
      p.state = "known_other_channel"
      left.set(p.fingerprint, n - 1)
    }
  }
  return planned
}

/** The preview's and the import's counts. */
export function countPlanned(planned: PlannedLine[]) {
  return {
    lines: planned.length,
    incoming: planned.filter((p) => p.direction === "in").length,
    outgoing: planned.filter((p) => p.direction === "out").length,
    new: planned.filter((p) => p.state === "new").length,
    known: planned.filter((p) => p.state !== "new").length,
    would_apply: planned.filter((p) => p.outcome === "apply").length,
    would_suggest: planned.filter((p) => p.outcome === "suggest").length,
  }
}
