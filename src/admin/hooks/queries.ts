import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { API, get } from "../lib/sdk"
import { isMissingRoute } from "../lib/errors"
import type {
  BankTransaction,
  ColumnMappingsResponse,
  DuplicatesResponse,
  OrderTransfer,
  SettingsResponse,
  StatementImport,
  Stats,
  Suggestion,
  TransactionDetail,
  TransactionFilters,
} from "../../types/http"

/** All of this plugin's query keys start here, so that one invalidation refreshes the page. */
export const bankTransferKeys = {
  all: ["bank-transfer"] as const,
  order: (orderId: string) => ["bank-transfer", "order", orderId] as const,
  transactions: (f: TransactionFilters) =>
    ["bank-transfer", "transactions", f] as const,
  suggestions: (q: object) => ["bank-transfer", "suggestions", q] as const,
  imports: (q: object) => ["bank-transfer", "imports", q] as const,
  settings: ["bank-transfer", "settings"] as const,
  columnMappings: ["bank-transfer", "column-mappings"] as const,
  stats: ["bank-transfer", "stats"] as const,
  duplicates: ["bank-transfer", "duplicates"] as const,
  transaction: (id: string) => ["bank-transfer", "transaction", id] as const,
}

/** A missing route will not appear by asking again; anything else gets one more try. */
const retry = (count: number, error: unknown) =>
  !isMissingRoute(error) && count < 1

/**
 * The order's bank-transfer side. Polled while the page is open, because money arrives by webhook
 * while the accountant looks at the order.
 */
export function useOrderTransfer(orderId: string | undefined) {
  return useQuery({
    queryKey: bankTransferKeys.order(orderId ?? ""),
    queryFn: () => get<OrderTransfer>(`${API}/orders/${orderId}`),
    enabled: !!orderId,
    retry,
    refetchInterval: 30_000,
  })
}

export function useTransactions(filters: TransactionFilters, enabled = true) {
  return useQuery({
    queryKey: bankTransferKeys.transactions(filters),
    queryFn: () =>
      get<{ transactions: BankTransaction[]; count: number }>(
        `${API}/transactions`,
        { ...filters }
      ),
    placeholderData: keepPreviousData,
    enabled,
    retry,
  })
}

export function useSuggestions(q: {
  status: string
  limit: number
  offset: number
}) {
  return useQuery({
    queryKey: bankTransferKeys.suggestions(q),
    queryFn: () =>
      get<{ suggestions: Suggestion[]; count: number }>(
        `${API}/suggestions`,
        q
      ),
    placeholderData: keepPreviousData,
    retry,
  })
}

export function useImports(q: { limit: number; offset: number }) {
  return useQuery({
    queryKey: bankTransferKeys.imports(q),
    queryFn: () =>
      get<{ imports: StatementImport[]; count: number }>(`${API}/imports`, q),
    placeholderData: keepPreviousData,
    retry,
  })
}

export function useSettings() {
  return useQuery({
    queryKey: bankTransferKeys.settings,
    queryFn: () => get<SettingsResponse>(`${API}/settings`),
    retry,
  })
}

export function useStats() {
  return useQuery({
    queryKey: bankTransferKeys.stats,
    queryFn: () => get<{ stats: Stats }>(`${API}/stats`),
    retry,
    refetchInterval: 60_000,
  })
}

/** Bank presets (VCB, TCB, MB…) and the column mappings saved for this shop's banks. */
export function useColumnMappings() {
  return useQuery({
    queryKey: bankTransferKeys.columnMappings,
    queryFn: () => get<ColumnMappingsResponse>(`${API}/column-mappings`),
    retry,
    staleTime: 5 * 60_000,
  })
}

/**
 * The shop's time zone (settings.calendar.time_zone): banks book in the shop's day, so dates of
 * transfers compared side by side are shown in it. Undefined until the settings are loaded (then
 * the browser's zone is used).
 */
export function useShopTimeZone(): string | undefined {
  const { data } = useSettings()
  return data?.settings.calendar?.time_zone
}

/**
 * Reports held as possible duplicates (with the movement each may repeat) and the pairs earlier
 * versions may have stored twice. Polled: a webhook can add one while the page is open.
 */
export function useDuplicates() {
  return useQuery({
    queryKey: bankTransferKeys.duplicates,
    queryFn: () => get<DuplicatesResponse>(`${API}/duplicates`),
    retry,
    refetchInterval: 60_000,
  })
}

/** Transactions whose matching failed too often: parked for the accountant. */
export function useNeedsAttention(q: { limit: number; offset: number }) {
  return useTransactions({ needs_attention: "true", ...q })
}

/** One movement with its allocations, suggestions, audit and every report of it. */
export function useTransactionDetail(id: string | null | undefined) {
  return useQuery({
    queryKey: bankTransferKeys.transaction(id ?? ""),
    queryFn: () => get<TransactionDetail>(`${API}/transactions/${id}`),
    enabled: !!id,
    retry,
  })
}
