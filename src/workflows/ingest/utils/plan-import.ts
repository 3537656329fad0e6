import type BankTransferModuleService from "../../../modules/bank-transfer/service"
import { fingerprint } from "../../../lib/ingest/fingerprint"
import type { StatementLine } from "../../../lib/ingest/statements"
import { matchTransaction } from "../../match/utils/match-transaction"

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
 * Which lines of a statement are new, given everything already in the ledger from any channel:
 * the same statement line has the same dedupe key (bank id, or fingerprint + its occurrence in the
 * file); a line delivered earlier by a webhook has the same fingerprint under another key. Lines
 * that look identical are counted, so two real 500,000 ₫ transfers with the same memo stay two.
 */
export async function planImport(service: BankTransferModuleService, lines: StatementLine[]): Promise<PlannedLine[]> {
  const seen = new Map<string, number>()
  const planned: PlannedLine[] = lines.map((l) => {
    const fp = fingerprint(l)
    const n = (seen.get(fp) ?? 0) + 1
    seen.set(fp, n)
    const key = l.external_id
      ? `${STATEMENT_SOURCE}:${(l.account ?? "").replace(/\s/g, "")}:${l.external_id}`
      : `${STATEMENT_SOURCE}:${fp}:${n}`
    return { ...l, booked_at: l.booked_at.toISOString(), fingerprint: fp, dedupe_key: key, state: "new" }
  })
  const keys = planned.map((p) => p.dedupe_key)
  const known = await service.knownDedupeKeys(keys)
  const elsewhere = await service.countFingerprints([...seen.keys()], keys)
  for (const p of planned) {
    if (known.has(p.dedupe_key)) {
      p.state = "known"
      continue
    }
    const left = elsewhere.get(p.fingerprint) ?? 0
    if (left > 0) {
      p.state = "known_other_channel"
      elsewhere.set(p.fingerprint, left - 1)
    }
  }
  return planned
}

/** What the matcher would do with each new incoming line (dry run, nothing written). */
export async function previewMatches(service: BankTransferModuleService, planned: PlannedLine[]) {
  let checked = 0
  for (const p of planned) {
    if (p.state !== "new") continue
    if (p.direction === "out") {
      p.outcome = "ignore"
      continue
    }
    if (checked++ >= PREVIEW_MATCH_LIMIT) {
      p.outcome = "not_previewed"
      continue
    }
    const decision = await matchTransaction(service, { ...p, id: p.dedupe_key, booked_at: new Date(p.booked_at) })
    p.outcome = decision.kind
    if (decision.kind === "apply") p.order_ids = decision.allocations.map((a) => a.expectation_id)
    if (decision.kind === "suggest") p.order_ids = decision.suggestions.map((s) => s.expectation_id)
  }
  return planned
}

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
