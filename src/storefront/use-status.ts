"use client"
// A namespace import: this module then also loads where React has no hooks (a server
// component bundle without a "use client" step); the hooks are only read when rendering.
import * as React from "react"
import { fetchBankTransferStatus } from "./api.ts"
import {
  isFinalStatus,
  requestError,
  type BankTransferRequestError,
} from "./status.ts"
import type {
  BankTransferLocale,
  BankTransferSdk,
  BankTransferStatusView,
} from "./types.ts"

const { useEffect, useRef, useState } = React

/** Errors that another try will not mend: no login nor token, or not this order's token. */
const GIVE_UP = new Set([400, 401, 403, 404])

/**
 * The order's transfer now, polled from `GET /store/bank-transfer/orders/:id` every `intervalMs`
 * (ms) while it may still change: stops when paid, cancelled or refunded, on unmount, and on
 * 400/401/403/404; pauses while the page is hidden and asks again as soon as it is shown. Network
 * and 5xx errors retry more slowly (up to 30 s). `enabled: false` (or intervalMs 0 after the first
 * answer) asks nothing more.
 */
export function useBankTransferStatus(
  sdk: BankTransferSdk,
  orderId: string,
  token: string | null | undefined,
  {
    enabled = true,
    intervalMs = 4000,
    locale,
  }: {
    enabled?: boolean
    intervalMs?: number
    /** The page's language: the merchant's instructions come back in it. */
    locale?: BankTransferLocale
  } = {}
): {
  status: BankTransferStatusView | null
  error: BankTransferRequestError | null
} {
  const [status, setStatus] = useState<BankTransferStatusView | null>(null)
  const [error, setError] = useState<BankTransferRequestError | null>(null)
  // The SDK object may be created anew on each render: polling keeps running on the latest one.
  const sdkRef = useRef(sdk)
  useEffect(() => {
    sdkRef.current = sdk
  })

  useEffect(() => {
    if (!enabled || !orderId) {
      return
    }
    let stopped = false
    let busy = false
    let failures = 0
    let timer: ReturnType<typeof setTimeout> | undefined
    const hidden = () =>
      typeof document !== "undefined" && document.visibilityState === "hidden"
    const later = (ms: number) => {
      clearTimeout(timer)
      if (!stopped && ms > 0) {
        timer = setTimeout(() => void tick(), ms)
      }
    }
    const tick = async () => {
      clearTimeout(timer)
      if (stopped || busy || hidden()) {
        return // a hidden page is asked again when it is shown
      }
      busy = true
      try {
        const view = await fetchBankTransferStatus(
          sdkRef.current,
          orderId,
          token,
          locale
        )
        if (stopped) {
          return
        }
        failures = 0
        setStatus(view)
        setError(null)
        if (view && isFinalStatus(view.status)) {
          stopped = true
          return
        }
        later(intervalMs)
      } catch (e) {
        if (stopped) {
          return
        }
        const err = requestError(e)
        setError(err)
        if (GIVE_UP.has(err.status)) {
          stopped = true
          return
        }
        failures++
        later(Math.min(Math.max(intervalMs, 1000) * 2 ** failures, 30_000))
      } finally {
        busy = false
      }
    }
    const onVisibility = () => {
      if (!hidden()) {
        void tick()
      }
    }
    document.addEventListener("visibilitychange", onVisibility)
    void tick()
    return () => {
      stopped = true
      clearTimeout(timer)
      document.removeEventListener("visibilitychange", onVisibility)
    }
  }, [orderId, token, enabled, intervalMs, locale])

  return { status, error }
}
