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
  /** A receiving account number, exactly; "" for all. */
  account: string
}

export const emptyFilters = (over: Partial<FilterState> = {}): FilterState => ({
  from: "",
  to: "",
  min: "",
  max: "",
  q: "",
  status: "all",
  direction: "in",
  account: "",
  ...over,
})

/**
 * The query the transactions route understands; unparsable amounts are left out, not sent. Dates go
 * as the days typed (YYYY-MM-DD): the server reads them in the shop's time zone, `to` included.
 */
export function toQuery(
  f: FilterState,
  limit: number,
  offset: number
): TransactionFilters & { account?: string } {
  return {
    status: f.status === "all" ? undefined : f.status,
    direction:
      f.direction === "all" ? undefined : (f.direction as "in" | "out"),
    from: f.from || undefined,
    to: f.to || undefined,
    account: f.account.trim() || undefined,
    min_amount: parseAmountInput(f.min) ?? undefined,
    max_amount: parseAmountInput(f.max) ?? undefined,
    q: f.q.trim() || undefined,
    limit,
    offset,
  }
}

const FILTER_KEYS = [
  "from",
  "to",
  "min",
  "max",
  "q",
  "status",
  "direction",
  "account",
] as const

/** The filters kept in the page's URL (?from=…&status=…), over `defaults` for what it does not say. */
export function filtersFromParams(
  params: URLSearchParams,
  defaults: FilterState
): FilterState {
  const out = { ...defaults }
  for (const k of FILTER_KEYS) {
    const v = params.get(k)
    if (v !== null) {
      out[k] = v
    }
  }
  return out
}

/** `params` with the filters written in: a value equal to its default is left out of the URL. */
export function filtersToParams(
  params: URLSearchParams,
  f: FilterState,
  defaults: FilterState
): URLSearchParams {
  const next = new URLSearchParams(params)
  for (const k of FILTER_KEYS) {
    if (f[k] === defaults[k]) {
      next.delete(k)
    } else {
      next.set(k, f[k])
    }
  }
  return next
}
