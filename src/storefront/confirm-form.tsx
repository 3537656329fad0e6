"use client"
// A namespace import: this module then also loads where React has no hooks (a server
// component bundle without a "use client" step); the hooks are only read when rendering.
import * as React from "react"
import type { FormEvent } from "react"
import { sendBankTransferConfirmation } from "./api.ts"
import { formatPlainAmount, todayIn } from "./format.ts"
import type { BankTransferLabels } from "./labels.ts"
import { requestError } from "./status.ts"
import { styles } from "./styles.ts"
import type { BankTransferLocale, BankTransferSdk } from "./types.ts"

const { useId, useRef, useState } = React

/** At most this many proof files (the server's limit). */
export const MAX_PROOF_FILES = 3

export type BankTransferConfirmFormProps = {
  sdk: BankTransferSdk
  orderId: string
  /** The order's payment token (paymentTokenOf), or null for a logged-in customer. */
  token: string | null
  currencyCode: string
  /** Decimal string (major unit): what is owed, shown as the amount field's example. */
  amount: string
  locale: BankTransferLocale
  labels: BankTransferLabels
  /** Zone of the paid-on field's default date (today). */
  timeZone?: string
  onSent?: () => void
}

/**
 * "I have paid": message, paid-on date, amount as typed ("1.280.000") and up to 3 receipts, sent
 * once as multipart to `POST /store/bank-transfer/orders/:id/confirm` (the button is disabled
 * while sending; a second click in between sends nothing). The server's message is shown under
 * the page's own "could not send" text on 4xx; after success a "sent" note replaces the form.
 */
export function BankTransferConfirmForm({
  sdk,
  orderId,
  token,
  currencyCode,
  amount,
  locale,
  labels,
  timeZone,
  onSent,
}: BankTransferConfirmFormProps) {
  const id = useId()
  const [message, setMessage] = useState("")
  const [paidOn, setPaidOn] = useState(() => todayIn(timeZone))
  const [typed, setTyped] = useState("")
  const [files, setFiles] = useState<File[]>([])
  const [sending, setSending] = useState(false)
  const [sent, setSent] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const busy = useRef(false)

  if (sent) {
    return (
      <p data-testid="bt-confirm-sent" role="status" style={styles.success}>
        {labels.confirmSent}
      </p>
    )
  }

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (busy.current) {
      return
    }
    if (files.length > MAX_PROOF_FILES) {
      setError(labels.confirmTooManyFiles)
      return
    }
    busy.current = true
    setSending(true)
    setError(null)
    try {
      await sendBankTransferConfirmation(sdk, orderId, token, {
        message: message.trim(),
        paid_on: paidOn,
        amount: typed.trim(),
        files,
        locale,
      })
      setSent(true)
      onSent?.()
    } catch (e) {
      const err = requestError(e)
      setError(
        err.status >= 400 && err.status < 500
          ? `${labels.confirmError} ${err.message}`
          : labels.confirmNetworkError
      )
    } finally {
      busy.current = false
      setSending(false)
    }
  }

  return (
    <form
      data-testid="bt-confirm-form"
      style={styles.form}
      onSubmit={(e) => void submit(e)}
      aria-labelledby={`${id}-title`}
      noValidate
    >
      <p id={`${id}-title`} style={{ ...styles.subtitle, margin: 0 }}>
        {labels.confirmTitle}
      </p>
      <p style={{ ...styles.muted, margin: 0 }}>{labels.confirmIntro}</p>
      <div style={styles.field}>
        <label htmlFor={`${id}-amount`}>{labels.confirmAmount}</label>
        <input
          id={`${id}-amount`}
          name="amount"
          inputMode="decimal"
          autoComplete="off"
          placeholder={formatPlainAmount(amount, currencyCode, locale)}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          style={styles.input}
        />
      </div>
      <div style={styles.field}>
        <label htmlFor={`${id}-paid-on`}>{labels.confirmPaidOn}</label>
        <input
          id={`${id}-paid-on`}
          name="paid_on"
          type="date"
          value={paidOn}
          onChange={(e) => setPaidOn(e.target.value)}
          style={styles.input}
        />
      </div>
      <div style={styles.field}>
        <label htmlFor={`${id}-message`}>{labels.confirmMessage}</label>
        <textarea
          id={`${id}-message`}
          name="message"
          rows={3}
          maxLength={2000}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          style={styles.input}
        />
      </div>
      <div style={styles.field}>
        <label htmlFor={`${id}-files`}>{labels.confirmFiles}</label>
        <input
          id={`${id}-files`}
          name="file"
          type="file"
          multiple
          accept="image/png,image/jpeg,application/pdf"
          aria-describedby={`${id}-files-help`}
          onChange={(e) => {
            const chosen = Array.from(e.target.files ?? [])
            setFiles(chosen)
            setError(
              chosen.length > MAX_PROOF_FILES
                ? labels.confirmTooManyFiles
                : null
            )
          }}
        />
        <span id={`${id}-files-help`} style={styles.muted}>
          {labels.confirmFilesHelp}
        </span>
      </div>
      <div role="alert" aria-live="assertive">
        {error ? <p style={styles.error}>{error}</p> : null}
      </div>
      <div>
        <button
          type="submit"
          disabled={sending}
          aria-busy={sending || undefined}
          style={{ ...styles.primary, opacity: sending ? 0.6 : 1 }}
        >
          {sending ? labels.confirmSending : labels.confirmSubmit}
        </button>
      </div>
    </form>
  )
}
