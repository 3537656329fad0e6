import { dayEndIso, dayStartIso } from "./dates"
import { parseAmountInput } from "./money"
import type { TransactionFilters } from "../../types/http"

/** What the filter inputs hold: raw text, exactly as typed. */
export type FilterState = {
  from: string
  to: string
  min: string
  max: string
  q: string
  /** a transaction status, or "all" */
  status: string
  /** "in", "out" or "all" */
  direction: string
}

export const emptyFilters = (over: Partial<FilterState> = {}): FilterState => ({
  from: "",
  to: "",
  min: "",
  max: "",
  q: "",
  status: "all",
  direction: "in",
  ...over,
})

/** The query the transactions route understands; unparsable amounts are left out, not sent. */
export function toQuery(
  f: FilterState,
  limit: number,
  offset: number
): TransactionFilters {
  return {
    status: f.status === "all" ? undefined : f.status,
    direction:
      f.direction === "all" ? undefined : (f.direction as "in" | "out"),
    from: dayStartIso(f.from || undefined),
    to: dayEndIso(f.to || undefined),
    min_amount: parseAmountInput(f.min) ?? undefined,
    max_amount: parseAmountInput(f.max) ?? undefined,
    q: f.q.trim() || undefined,
    limit,
    offset,
  }
}
