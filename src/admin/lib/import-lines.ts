import type { ImportCounts, ImportLine } from "../../types/http"
import { formatShortDateTime } from "./dates"
import { sourceLabel } from "./status"

export type LineState = "new" | "known" | "possible_duplicate"

/** What the ledger already knows of a previewed line (older servers sent only `known`). */
export function lineState(l: ImportLine): LineState {
  if (l.state === "possible_duplicate") {
    return "possible_duplicate"
  }
  if (l.state === "known" || l.state === "known_other_channel") {
    return "known"
  }
  if (l.state === "new") {
    return "new"
  }
  return l.known ? "known" : "new"
}

/**
 * The preview's word on one line: "New", "Already received via SePay on 30/11/2026 09:15" (how the
 * movement was first reported, in the shop's time zone), or "Possible duplicate — will be held for
 * review" with the transfer it may repeat as a detail.
 */
export function lineStatus(
  l: ImportLine,
  timeZone?: string
): { state: LineState; label: string; detail: string | null } {
  const state = lineState(l)
  const via = l.known_via
  const seen = via
    ? `${sourceLabel(via.source)} on ${formatShortDateTime(via.booked_at, timeZone)}`
    : null
  if (state === "possible_duplicate") {
    return {
      state,
      label: "Possible duplicate — will be held for review",
      detail: seen
        ? `Same account, amount and day as the transfer received via ${seen}`
        : null,
    }
  }
  if (state === "known") {
    if (seen) {
      return { state, label: `Already received via ${seen}`, detail: null }
    }
    return {
      state,
      label:
        l.state === "known_other_channel"
          ? "Already received by webhook"
          : "Already imported",
      detail: null,
    }
  }
  return { state, label: "New", detail: null }
}

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n} ${n === 1 ? one : many}`

/**
 * What a commit did, from the counts the server read back from the ledger: "2 added · 1 already
 * received · 1 held for review · 4 stored". Parts the server did not send are left out.
 */
export function commitSummary(c: ImportCounts, added?: number): string {
  const parts: string[] = []
  const newOnes = c.added ?? added
  if (newOnes !== undefined) {
    parts.push(`${newOnes} added`)
  }
  if (c.already_received !== undefined) {
    parts.push(`${c.already_received} already received`)
  }
  if (c.possible_duplicates !== undefined) {
    parts.push(`${c.possible_duplicates} held for review`)
  }
  if (c.stored !== undefined) {
    parts.push(`${plural(c.stored, "line")} stored`)
  }
  if (c.left_out) {
    parts.push(`${plural(c.left_out, "unreadable line")} left out`)
  }
  return parts.join(" · ")
}
