import { useMutation, useQueryClient } from "@tanstack/react-query"
import { API, del, post, upload } from "../lib/sdk"
import { toastError } from "../lib/errors"
import { useI18n } from "./use-i18n"
import type {
  CommitImportResponse,
  ResolveDuplicateResponse,
  RetryMatchingResponse,
  SettingsResponse,
  SettingsUpdate,
  StatementImport,
} from "../../types/http"

/**
 * Every action of the plugin: on success everything is invalidated, not only this plugin's keys,
 * because a confirmed transfer captures the Medusa payment and the order's own payment section
 * (Medusa's ["orders", …] queries) must show it at once. Failures always reach the accountant as
 * a toast with the server's message; `what` (a translation key) names the action in it.
 */
function useAction<V, R>(what: string, fn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient()
  const { t } = useI18n()
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries(),
    onError: (error) => toastError(error, t, t(what)),
  })
}

export const useConfirmSuggestion = () =>
  useAction(
    "bankTransfer.actions.confirm",
    (v: { id: string; amount?: string; surplus_amount?: string }) =>
      post<{ replayed?: boolean }>(
        `${API}/suggestions/${v.id}/confirm`,
        v.surplus_amount
          ? { surplus_amount: v.surplus_amount }
          : v.amount
            ? { amount: v.amount }
            : {}
      )
  )

export const useRejectSuggestion = () =>
  useAction(
    "bankTransfer.actions.notThisTransaction",
    (v: { id: string; reason?: string }) =>
      post(
        `${API}/suggestions/${v.id}/reject`,
        v.reason ? { reason: v.reason } : {}
      )
  )

/** One call per transaction: the match route applies one transaction to one or more orders. */
export const useMatchTransaction = () =>
  useAction(
    "bankTransfer.actions.match",
    (v: {
      transaction_id: string
      allocations: { order_id: string; amount: string }[]
      reason?: string
    }) =>
      post(`${API}/transactions/${v.transaction_id}/match`, {
        allocations: v.allocations,
        ...(v.reason ? { reason: v.reason } : {}),
      })
  )

export const useIgnoreTransaction = () =>
  useAction(
    "bankTransfer.actions.notOurs",
    (v: { id: string; reason?: string; return?: boolean }) =>
      post(`${API}/transactions/${v.id}/ignore`, {
        return: !!v.return,
        ...(v.reason ? { reason: v.reason } : {}),
      })
  )

export const useUndoAllocation = () =>
  useAction("bankTransfer.actions.undo", (v: { id: string; reason: string }) =>
    post<{ replayed?: boolean }>(`${API}/allocations/${v.id}/undo`, {
      reason: v.reason,
    })
  )

/** After Medusa refused a capture: capture (or refund) again what the money received calls for. */
export const useRetryCapture = () =>
  useAction("bankTransfer.actions.retryCapture", (v: { order_id: string }) =>
    post(`${API}/orders/${v.order_id}/retry-capture`, {})
  )

export const useRequestConfirmation = () =>
  useAction(
    "bankTransfer.actions.askShopper",
    (v: { order_id: string; message: string }) =>
      post(`${API}/orders/${v.order_id}/request-confirmation`, {
        message: v.message,
      })
  )

export const useUploadStatement = () =>
  useAction(
    "bankTransfer.actions.import",
    (v: {
      file: File
      mapping?: string
      preset?: string
      mapping_id?: string
    }) => {
      const form = new FormData()
      // Text fields first: the server reads them while the file streams in.
      if (v.mapping) {
        form.append("mapping", v.mapping)
      }
      if (v.preset) {
        form.append("preset", v.preset)
      }
      if (v.mapping_id) {
        form.append("mapping_id", v.mapping_id)
      }
      form.append("file", v.file, v.file.name)
      return upload<{ import: StatementImport }>(`${API}/imports`, form)
    }
  )

/** Commits a preview; `skip_rejected_lines` acknowledges leaving its unreadable lines out. */
export const useCommitImport = () =>
  useAction(
    "bankTransfer.actions.commit",
    (v: { id: string; skip_rejected_lines?: boolean }) =>
      post<CommitImportResponse>(
        `${API}/imports/${v.id}/commit`,
        v.skip_rejected_lines ? { skip_rejected_lines: true } : {}
      )
  )

export const useSaveSettings = () =>
  useAction("bankTransfer.actions.saveSettings", (v: SettingsUpdate) =>
    post<SettingsResponse>(`${API}/settings`, v)
  )

export const useAddCalendarOverride = () =>
  useAction(
    "bankTransfer.actions.addDay",
    (v: { date: string; kind: "day_off" | "working_day"; name?: string }) =>
      post(
        `${API}/calendar-overrides`,
        v.name ? v : { date: v.date, kind: v.kind }
      )
  )

export const useDeleteCalendarOverride = () =>
  useAction("bankTransfer.actions.removeDay", (v: { id: string }) =>
    del(`${API}/calendar-overrides/${v.id}`)
  )

export const useTestWebhook = () =>
  useAction("bankTransfer.actions.sendTest", (v: { channel: string }) =>
    post<{ status: number; body: unknown }>(
      `${API}/webhooks/${v.channel}/test-delivery`,
      {}
    )
  )

/** "Same transfer" (`same: true`: nothing applied again) or "Different transfers" (recorded and matched). */
export const useResolveDuplicate = () =>
  useAction(
    "bankTransfer.actions.resolveDuplicate",
    (v: { sighting_id: string; same: boolean }) =>
      post<ResolveDuplicateResponse>(
        `${API}/duplicates/${v.sighting_id}/resolve`,
        { same: v.same }
      )
  )

/** Match a parked transaction once more, now; the server answers the error if it fails again. */
export const useRetryMatching = () =>
  useAction("bankTransfer.actions.retryMatching", (v: { id: string }) =>
    post<RetryMatchingResponse>(`${API}/transactions/${v.id}/retry`, {})
  )
