"use client"
// A namespace import: this module then also loads where React has no hooks (a server
// component bundle without a "use client" step); the hooks are only read when rendering.
import * as React from "react"
import type { CSSProperties } from "react"
import { BankTransferConfirmForm } from "./confirm-form.tsx"
import { CopyButton } from "./copy-button.tsx"
import { paymentTokenOf } from "./details.ts"
import { defaultLocale, formatAmount, formatDeadline } from "./format.ts"
import { labelsFor, type BankTransferLabels } from "./labels.ts"
import { BankTransferQr } from "./qr-code.tsx"
import { isFinalStatus, isPaidStatus, isPayableStatus } from "./status.ts"
import { styles } from "./styles.ts"
import type {
  BankTransferDetails,
  BankTransferLocale,
  BankTransferSdk,
  BankTransferStatusView,
} from "./types.ts"
import { useBankTransferDetails } from "./use-details.ts"
import { useBankTransferStatus } from "./use-status.ts"

const { Fragment, useEffect, useId, useRef } = React

export type BankTransferOrderPaymentProps = {
  /** Your `@medusajs/js-sdk` instance (publishable key set). */
  sdk: BankTransferSdk
  orderId: string
  /**
   * getBankTransferDetails(order), e.g. from a Server Component. null: not written yet (the kit
   * shows "preparing…" and fetches the order again); undefined: the kit fetches the order itself.
   */
  details?: BankTransferDetails | null
  /** Default: "vi" for VND, "en" otherwise. */
  locale?: BankTransferLocale
  labels?: Partial<BankTransferLabels>
  /** Called once when the status route says the order is paid. */
  onPaid?: (status: BankTransferStatusView) => void
  className?: string
  style?: CSSProperties
  /** Milliseconds between status checks; 0 asks once. Default 4000. */
  pollIntervalMs?: number
  /** Show the "I have paid" form while the order is unpaid. Default true. */
  showConfirmForm?: boolean
  /** Zone of the deadline and of the paid-on date. Default Asia/Ho_Chi_Minh for VND, else the browser's. */
  timeZone?: string
  /** Heading level of the title (2). */
  headingLevel?: 2 | 3 | 4
}

const isZero = (amount: string | null | undefined) =>
  !amount || /^[-+]?0*(\.0*)?$/.test(amount)

/**
 * Order-confirmed / order-details page: how to pay the order by bank transfer and whether it is
 * paid, updated live. Shows the amount still owed (the status route's `amount_remaining` once
 * loaded, the details' `amount` before), the account(s), the memo and reference with copy buttons,
 * a VietQR for what is owed with "save QR", the deadline, the merchant's instructions and the
 * "I have paid" form; turns to "Paid" (no amount, no QR) without a reload, and likewise hides what
 * to pay when the order is cancelled or refunded.
 */
export function BankTransferOrderPayment({
  sdk,
  orderId,
  details: initial,
  locale,
  labels,
  onPaid,
  className,
  style,
  pollIntervalMs = 4000,
  showConfirmForm = true,
  timeZone,
  headingLevel = 2,
}: BankTransferOrderPaymentProps) {
  const titleId = useId()
  const { details, gaveUp } = useBankTransferDetails(sdk, orderId, initial)
  const token = details ? paymentTokenOf(details) || null : null
  const currency = details?.currency_code ?? ""
  const lang = locale ?? defaultLocale(currency)
  const { status: view, error } = useBankTransferStatus(sdk, orderId, token, {
    enabled: !!details,
    intervalMs: pollIntervalMs,
    locale: lang,
  })
  const t = labelsFor(lang, labels)
  const zone =
    timeZone ??
    (currency.toUpperCase() === "VND" ? "Asia/Ho_Chi_Minh" : undefined)
  const paid = isPaidStatus(view?.status)
  // Paid, cancelled or refunded: nothing more to transfer, so no amount, account, memo nor QR.
  const open = !isFinalStatus(view?.status)

  const onPaidRef = useRef(onPaid)
  useEffect(() => {
    onPaidRef.current = onPaid
  })
  const told = useRef(false)
  useEffect(() => {
    if (paid && view && !told.current) {
      told.current = true
      onPaidRef.current?.(view)
    }
  }, [paid, view])

  const Heading = `h${headingLevel}` as "h2"
  const rootProps = {
    "data-testid": "bt-order-payment",
    lang,
    className,
    style: { ...styles.root, ...style },
    "aria-labelledby": titleId,
  }
  const title = (
    <Heading id={titleId} style={styles.title}>
      {t.title}
    </Heading>
  )

  if (!details) {
    return (
      <section {...rootProps} aria-busy={!gaveUp}>
        {title}
        <p role="status" aria-live="polite" style={styles.text}>
          {gaveUp ? t.unavailable : t.preparing}
        </p>
      </section>
    )
  }

  const amount = view ? view.amount_remaining : details.amount
  const partly = !!view && !isZero(view.amount_received)
  const qrPayload = view ? (view.qr?.payload ?? null) : details.qr_payload
  const accounts = view?.accounts?.length ? view.accounts : details.accounts
  const memo = view?.memo ?? details.memo
  const reference = view?.reference ?? details.reference
  const deadline = view ? view.deadline : details.deadline
  const instructions = view ? view.instructions : details.instructions
  const payable = view ? isPayableStatus(view.status) : true
  const statusText = view
    ? (t.status[view.status] ?? view.status)
    : error
      ? t.status.awaiting_transfer
      : t.statusLoading

  return (
    <section {...rootProps}>
      {title}
      <p
        data-testid="bt-status"
        data-status={view?.status ?? ""}
        role="status"
        aria-live="polite"
        style={paid ? styles.statusPaid : styles.status}
      >
        <span style={{ opacity: paid ? 1 : 0.75 }}>{t.statusLabel}: </span>
        {statusText}
        {paid ? (
          <span style={{ display: "block", fontWeight: 400 }}>
            {t.paidText}
          </span>
        ) : null}
      </p>

      <dl style={styles.list}>
        {details.order_number ? (
          <div style={styles.item}>
            <dt style={styles.term}>{t.orderNumber}</dt>
            <dd style={styles.value}>{details.order_number}</dd>
          </div>
        ) : null}
        {open ? (
          <div style={styles.item}>
            <dt style={styles.term}>
              {partly ? t.amountStillOwed : t.amountToPay}
            </dt>
            <dd style={styles.value}>
              <span
                data-testid="bt-amount"
                data-amount={amount}
                style={styles.amount}
              >
                {formatAmount(amount, currency, lang)}
              </span>
              <CopyButton value={amount} what={t.amountToPay} labels={t} />
            </dd>
          </div>
        ) : null}
        {open
          ? accounts.map((a, i) => (
              <Fragment
                key={`${a.bank_bin ?? a.swift ?? ""}-${a.account_number}-${i}`}
              >
                {a.bank_name ? (
                  <div style={styles.item}>
                    <dt style={styles.term}>{t.bank}</dt>
                    <dd style={styles.value}>
                      {a.bank_name}
                      {a.swift ? ` (${a.swift})` : ""}
                    </dd>
                  </div>
                ) : null}
                <div style={styles.item}>
                  <dt style={styles.term}>{t.accountNumber}</dt>
                  <dd style={styles.value}>
                    <span data-testid="bt-account-number" style={styles.memo}>
                      {a.account_number}
                    </span>
                    <CopyButton
                      value={a.account_number}
                      what={t.accountNumber}
                      labels={t}
                    />
                  </dd>
                </div>
                <div style={styles.item}>
                  <dt style={styles.term}>{t.accountHolder}</dt>
                  <dd style={styles.value}>{a.account_holder}</dd>
                </div>
              </Fragment>
            ))
          : null}
        {open ? (
          <div style={styles.item}>
            <dt style={styles.term}>{t.memo}</dt>
            <dd style={styles.value}>
              <span data-testid="bt-memo" style={styles.memo}>
                {memo}
              </span>
              <CopyButton value={memo} what={t.memo} labels={t} />
              <span style={{ ...styles.muted, flexBasis: "100%" }}>
                {t.memoHelp}
              </span>
            </dd>
          </div>
        ) : null}
        <div style={styles.item}>
          <dt style={styles.term}>{t.reference}</dt>
          <dd style={styles.value}>
            <span data-testid="bt-reference">{reference}</span>
          </dd>
        </div>
        {open && deadline ? (
          <div style={styles.item}>
            <dt style={styles.term}>{t.deadline}</dt>
            <dd style={styles.value} suppressHydrationWarning>
              <time dateTime={deadline}>
                {formatDeadline(deadline, currency, lang, zone)}
              </time>
            </dd>
          </div>
        ) : null}
      </dl>

      {open && qrPayload ? (
        <BankTransferQr
          payload={qrPayload}
          fileName={`vietqr-${details.order_number || orderId}.png`}
          labels={t}
        />
      ) : null}

      {open && instructions ? (
        <div>
          <p style={styles.subtitle}>{t.instructions}</p>
          <p style={{ ...styles.text, whiteSpace: "pre-line" }}>
            {instructions}
          </p>
        </div>
      ) : null}

      {open && details.payment_url ? (
        <p style={styles.muted}>
          <a
            href={details.payment_url}
            target="_blank"
            rel="noopener noreferrer"
          >
            {t.paymentPage}
          </a>
        </p>
      ) : null}

      {showConfirmForm && payable && !isZero(amount) ? (
        <BankTransferConfirmForm
          sdk={sdk}
          orderId={orderId}
          token={token}
          currencyCode={currency}
          amount={amount}
          locale={lang}
          labels={t}
          timeZone={zone}
        />
      ) : null}
    </section>
  )
}
