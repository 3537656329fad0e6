import { fingerprint } from "../../../lib/ingest/fingerprint"
import type { StatementLine } from "../../../lib/ingest/statements"
import type { NewSighting } from "../../../modules/bank-transfer"
import type { PreviewOrders } from "../../../lib/ingest/preview-orders"

export const STATEMENT_SOURCE = "statement"
/** Lines beyond this are imported and matched as usual, but not dry-run matched in the preview. */
export const PREVIEW_MATCH_LIMIT = 2000

/**
 * A previewed statement line: what the ledger already knows of it.
 * - `new`: a movement not recorded yet;
 * - `known`: already recorded from a statement (this file, or an overlapping one, imported before);
 * - `known_other_channel`: already received by a webhook (SePay, Casso, …);
 * - `possible_duplicate`: cannot be told apart from a recorded movement; it will be held for an
 *   accountant, not applied.
 */
export type PlannedLine = Omit<StatementLine, "booked_at"> & {
  booked_at: string
  fingerprint: string
  state: "new" | "known" | "known_other_channel" | "possible_duplicate"
  /** The recorded movement it is (known) or may be (possible_duplicate), and how it was first reported. */
  known_via?: {
    transaction_id: string
    source: string
    booked_at: string
    basis: string | null
  } | null
  outcome?: string
} & Partial<PreviewOrders>

/**
 * A statement's lines as reports of movements: one channel per file (`statement:<import id>`), and
 * each line's place in the file as its identity, so that no two lines ever merge, whatever
 * references they share, and committing the import again records nothing twice.
 */
export function statementSightings(
  lines: (StatementLine | PlannedLine)[],
  importId: string | null
): NewSighting[] {
  const channel = `${STATEMENT_SOURCE}:${importId ?? "preview"}`
  return lines.map((l, n) => {
    const booked_at = new Date(l.booked_at)
    return {
      source: STATEMENT_SOURCE,
      channel,
      dedupe_key: `${channel}:${n + 1}`,
      external_id: l.external_id,
      fingerprint: fingerprint({ ...l, booked_at }),
      account: l.account,
      booked_at,
      amount: l.amount,
      currency_code: l.currency_code,
      direction: l.direction,
      memo: l.memo,
      counterparty_name: l.counterparty_name,
      counterparty_account: l.counterparty_account,
      bank_references: l.bank_references ?? [],
      payer_reference: l.payer_reference ?? null,
      raw: { line: l.line, ...(l.raw as object) },
      import_id: importId,
      line: l.line,
    }
  })
}

/** The preview's and the import's counts. */
export function countPlanned(planned: PlannedLine[]) {
  return {
    lines: planned.length,
    incoming: planned.filter((p) => p.direction === "in").length,
    outgoing: planned.filter((p) => p.direction === "out").length,
    new: planned.filter((p) => p.state === "new").length,
    known: planned.filter(
      (p) => p.state === "known" || p.state === "known_other_channel"
    ).length,
    possible_duplicates: planned.filter((p) => p.state === "possible_duplicate")
      .length,
    would_apply: planned.filter((p) => p.outcome === "apply").length,
    would_suggest: planned.filter((p) => p.outcome === "suggest").length,
    would_overpay: planned.filter((p) => p.overpayment).length,
  }
}
