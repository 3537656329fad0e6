import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query"
import { API, get, post } from "../lib/sdk"
import { isMissingRoute, toastError } from "../lib/errors"
import { useI18n } from "./use-i18n"
import type {
  ReturnItemsResponse,
  ReturnItemView,
  BankTransaction,
} from "../../types/http"

/** Money to return, by state (default: the queue, open and refund recorded), paged. */
export function useReturns(q: {
  state?: string[]
  limit: number
  offset: number
}) {
  return useQuery({
    queryKey: ["bank-transfer", "returns", q] as const,
    queryFn: () => get<ReturnItemsResponse>(`${API}/returns`, { ...q }),
    placeholderData: keepPreviousData,
    retry: (count: number, error: unknown) =>
      !isMissingRoute(error) && count < 1,
    refetchInterval: 60_000,
  })
}

/** Medusa's refund reasons (the admin manages them in Medusa's settings). */
export function useRefundReasons(enabled: boolean) {
  return useQuery({
    queryKey: ["bank-transfer", "refund-reasons"] as const,
    queryFn: () =>
      get<{ refund_reasons: { id: string; label: string; code?: string }[] }>(
        "/admin/refund-reasons",
        { limit: 100 }
      ),
    enabled,
  })
}

/** Outgoing lines of exactly this amount that pay no refund yet: candidates to match by hand. */
export function useOutgoingCandidates(item: ReturnItemView | null) {
  return useQuery({
    queryKey: ["bank-transfer", "outgoing-candidates", item?.id] as const,
    queryFn: () =>
      get<{ transactions: BankTransaction[]; count: number }>(
        `${API}/transactions`,
        {
          direction: "out",
          status: "unmatched",
          currency_code: item!.currency_code,
          min_amount: item!.amount,
          max_amount: item!.amount,
          limit: 50,
        }
      ),
    enabled: !!item,
  })
}

function useReturnAction<V, R>(what: string, fn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient()
  const { t } = useI18n()
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries(),
    onError: (error) => toastError(error, t, t(what)),
  })
}

export type RecordRefundResponse = {
  return_item: ReturnItemView
  recorded_in: "medusa" | "plugin" | "both"
  medusa_amount: string
  plugin_amount: string
  refund_id: string | null
}

export const useRecordRefund = () =>
  useReturnAction(
    "bankTransfer.returns.recordRefund",
    (v: {
      id: string
      amount: string
      refund_reason_id?: string
      note?: string
    }) =>
      post<RecordRefundResponse>(`${API}/returns/${v.id}/refund`, {
        amount: v.amount,
        ...(v.refund_reason_id ? { refund_reason_id: v.refund_reason_id } : {}),
        ...(v.note ? { note: v.note } : {}),
      })
  )

export const useKeepForCustomer = () =>
  useReturnAction(
    "bankTransfer.returns.keep",
    (v: { id: string; note: string }) =>
      post<{ return_item: ReturnItemView }>(`${API}/returns/${v.id}/keep`, {
        note: v.note,
      })
  )

export const useMatchReturn = () =>
  useReturnAction(
    "bankTransfer.returns.match",
    (v: { id: string; transaction_id: string }) =>
      post<{ return_item: ReturnItemView }>(`${API}/returns/${v.id}/match`, {
        transaction_id: v.transaction_id,
      })
  )
