import type { ImportCounts, ImportLine } from "../../types/http"
import { formatShortDateTime } from "./dates"
import { sourceLabel } from "./status"
import type { Translate } from "./i18n"

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
  t: Translate,
  timeZone?: string
): { state: LineState; label: string; detail: string | null } {
  const state = lineState(l)
  const via = l.known_via
  const seen = via
    ? t("bankTransfer.importLines.seen", {
        source: sourceLabel(via.source, t),
        when: formatShortDateTime(via.booked_at, timeZone),
      })
    : null
  if (state === "possible_duplicate") {
    return {
      state,
      label: t("bankTransfer.importLines.possibleDuplicate"),
      detail: seen
        ? t("bankTransfer.importLines.possibleDuplicateDetail", { seen })
        : null,
    }
  }
  if (state === "known") {
    if (seen) {
      return {
        state,
        label: t("bankTransfer.importLines.alreadyReceivedVia", { seen }),
        detail: null,
      }
    }
    return {
      state,
      label:
        l.state === "known_other_channel"
          ? t("bankTransfer.importLines.alreadyByWebhook")
          : t("bankTransfer.importLines.alreadyImported"),
      detail: null,
    }
  }
  return { state, label: t("bankTransfer.importLines.new"), detail: null }
}

/**
 * What a commit did, from the counts the server read back from the ledger: "2 added · 1 already
 * received · 1 held for review · 4 stored". Parts the server did not send are left out.
 */
export function commitSummary(
  c: ImportCounts,
  t: Translate,
  added?: number
): string {
  const parts: string[] = []
  const newOnes = c.added ?? added
  if (newOnes !== undefined) {
    parts.push(t("bankTransfer.importLines.added", { count: newOnes }))
  }
  if (c.already_received !== undefined) {
    parts.push(
      t("bankTransfer.importLines.alreadyReceived", {
        count: c.already_received,
      })
    )
  }
  if (c.possible_duplicates !== undefined) {
    parts.push(
      t("bankTransfer.importLines.heldForReview", {
        count: c.possible_duplicates,
      })
    )
  }
  if (c.stored !== undefined) {
    parts.push(t("bankTransfer.importLines.stored", { count: c.stored }))
  }
  if (c.left_out) {
    parts.push(t("bankTransfer.importLines.leftOut", { count: c.left_out }))
  }
  return parts.join(" · ")
}
