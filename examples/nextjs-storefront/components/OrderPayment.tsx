"use client"

import { useMemo } from "react"
import { useRouter } from "next/navigation"
import {
  BankTransferOrderPayment,
  type BankTransferDetails,
} from "medusa-bank-transfer/storefront"
import { createSdk, LOCALE } from "@/lib/config"

/**
 * The kit's order payment block, with an SDK made in the browser. `token` is the customer's login
 * (given by the server page when someone is logged in); a guest's requests carry the order's payment
 * token instead, which the kit reads from `details`.
 */
export function OrderPayment({
  orderId,
  details,
  token,
}: {
  orderId: string
  details: BankTransferDetails | null
  token?: string | null
}) {
  const sdk = useMemo(() => createSdk(token), [token])
  const router = useRouter()
  return (
    <BankTransferOrderPayment
      sdk={sdk}
      orderId={orderId}
      details={details}
      locale={LOCALE}
      // The order's own payment status (server-rendered) follows once the money is in.
      onPaid={() => router.refresh()}
    />
  )
}
