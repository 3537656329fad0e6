import type { BankTransferStatusView } from "./types.ts"

/** Nothing more to pay: the money arrived (the order may move on). */
export function isPaidStatus(status: string | null | undefined): boolean {
  return status === "paid" || status === "overpaid"
}

/** Nothing more will happen on the shopper's side: paid, cancelled or refunded (stop polling). */
export function isFinalStatus(status: string | null | undefined): boolean {
  return isPaidStatus(status) || status === "canceled" || status === "refunded"
}

/** The shopper may still pay (and say "I have paid"). Unknown statuses count as payable. */
export function isPayableStatus(status: string | null | undefined): boolean {
  return !isFinalStatus(status) && status !== "needs_attention"
}

/** A store route's error: `status` the HTTP status (0 when the request never got an answer). */
export type BankTransferRequestError = { status: number; message: string }

/** The HTTP status and message of an error thrown by sdk.client.fetch (its FetchError) or fetch. */
export function requestError(e: unknown): BankTransferRequestError {
  const err = e as { status?: unknown; message?: unknown } | null
  return {
    status: typeof err?.status === "number" ? err.status : 0,
    message: typeof err?.message === "string" ? err.message : String(e),
  }
}

/** The header that lets a guest use the store routes of their order. */
export const TOKEN_HEADER = "x-bank-transfer-token"

/** A view of the status route's answer, or null when it has none. */
export function statusViewOf(answer: unknown): BankTransferStatusView | null {
  const view = (answer as { bank_transfer?: unknown } | null)?.bank_transfer
  return view && typeof view === "object"
    ? (view as BankTransferStatusView)
    : null
}
