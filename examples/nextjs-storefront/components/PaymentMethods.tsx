"use client"

import { useState } from "react"
import {
  BankTransferPaymentOption,
  isBankTransfer,
} from "medusa-bank-transfer/storefront"
import { LOCALE } from "@/lib/config"

/** Medusa's own provider ids, named for people; the rest show their id. */
function label(id: string) {
  if (isBankTransfer(id)) {
    return "Bank transfer (VietQR)"
  }
  if (id === "pp_system_default") {
    return "Manual payment"
  }
  return id
}

/** The region's payment providers as radio buttons; the bank transfer one explains what follows. */
export function PaymentMethods({ providers }: { providers: { id: string }[] }) {
  const [selected, setSelected] = useState(
    providers.find((p) => isBankTransfer(p.id))?.id ?? providers[0]?.id
  )
  if (!providers.length) {
    return (
      <p className="error">No payment method is enabled for this region.</p>
    )
  }
  return (
    <fieldset className="choices">
      <legend>Payment method</legend>
      {providers.map((p) => (
        <div key={p.id} className="choice">
          <label>
            <input
              type="radio"
              name="provider_id"
              value={p.id}
              checked={selected === p.id}
              onChange={() => setSelected(p.id)}
              required
            />
            {label(p.id)}
          </label>
          {selected === p.id && isBankTransfer(p.id) && (
            <BankTransferPaymentOption locale={LOCALE} />
          )}
        </div>
      ))}
    </fieldset>
  )
}
