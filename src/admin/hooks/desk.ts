import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { API, get } from "../lib/sdk"
import { isMissingRoute } from "../lib/errors"
import type { WaitingOrdersResponse } from "../../types/desk"

/** Filters of GET /admin/bank-transfer/waiting-orders (see its route for the meaning). */
export type WaitingOrdersQuery = {
  status: string
  currency_code?: string
  placed_from?: string
  placed_before?: string
  limit: number
  offset: number
}

/**
 * Orders waiting for their money: shoppers who say they paid, open orders by age, refused
 * captures. Under the plugin's query keys, so that any action on the page refreshes it; polled,
 * since shoppers confirm while the page is open.
 */
export function useWaitingOrders(q: WaitingOrdersQuery, enabled = true) {
  return useQuery({
    queryKey: ["bank-transfer", "waiting-orders", q] as const,
    // Unset filters are dropped by `get` (never sent as "").
    queryFn: () =>
      get<WaitingOrdersResponse>(`${API}/waiting-orders`, { ...q }),
    placeholderData: keepPreviousData,
    enabled,
    retry: (count: number, error: unknown) =>
      !isMissingRoute(error) && count < 1,
    refetchInterval: 60_000,
  })
}
