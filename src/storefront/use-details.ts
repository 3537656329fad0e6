"use client"
// A namespace import: this module then also loads where React has no hooks (a server
// component bundle without a "use client" step); the hooks are only read when rendering.
import * as React from "react"
import { retrieveBankTransferDetails } from "./api.ts"
import type { BankTransferDetails, BankTransferSdk } from "./types.ts"

const { useEffect, useRef, useState } = React

/** Waits (ms) before each new look at the order while its details are missing: ~15 s in all. */
export const DETAILS_RETRY_DELAYS = [500, 1000, 2000, 4000, 8000]

/**
 * The order's bank-transfer details: `initial` when given, otherwise the order fetched again
 * (`sdk.store.order.retrieve(orderId, { fields: "*payment_collections.payments" })`) with backoff
 * (DETAILS_RETRY_DELAYS) until the plugin has written them: at once when `initial` is undefined,
 * after the first delay when it is null (the page just fetched the order). `gaveUp` once every
 * try came back without them.
 */
export function useBankTransferDetails(
  sdk: BankTransferSdk,
  orderId: string,
  initial: BankTransferDetails | null | undefined,
  delays: readonly number[] = DETAILS_RETRY_DELAYS
): { details: BankTransferDetails | null; gaveUp: boolean } {
  const [fetched, setFetched] = useState<BankTransferDetails | null>(null)
  const [gaveUp, setGaveUp] = useState(false)
  const sdkRef = useRef(sdk)
  useEffect(() => {
    sdkRef.current = sdk
  })
  const details = initial ?? fetched
  const missing = !details
  const fetchAtOnce = initial === undefined

  useEffect(() => {
    if (!missing || !orderId) {
      return
    }
    let stopped = false
    let attempt = 0
    let timer: ReturnType<typeof setTimeout> | undefined
    const next = () => {
      if (attempt >= delays.length) {
        setGaveUp(true)
        return
      }
      timer = setTimeout(() => void look(), delays[attempt++])
    }
    const look = async () => {
      try {
        const found = await retrieveBankTransferDetails(sdkRef.current, orderId)
        if (stopped) {
          return
        }
        if (found) {
          setFetched(found)
          return
        }
      } catch {
        if (stopped) {
          return
        }
      }
      next()
    }
    if (fetchAtOnce) {
      void look()
    } else {
      next()
    }
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [missing, orderId, fetchAtOnce, delays])

  return { details, gaveUp: missing && gaveUp }
}
