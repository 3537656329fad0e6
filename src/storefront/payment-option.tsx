"use client"
import { defaultLocale } from "./format.ts"
import { labelsFor, type BankTransferLabels } from "./labels.ts"
import { styles } from "./styles.ts"
import type { BankTransferLocale } from "./types.ts"

export type BankTransferPaymentOptionProps = {
  /** Default: "vi" for VND (or no currency given), "en" otherwise. */
  locale?: BankTransferLocale
  /** The cart's currency (ISO 4217), to choose the default language. */
  currencyCode?: string | null
  labels?: Partial<BankTransferLabels>
  /** Show the title ("Bank transfer"); off when the checkout already names the option. */
  showTitle?: boolean
  className?: string
}

/**
 * Checkout payment step, under the bank-transfer option: after placing the order the shopper gets
 * the account, the payment reference and a QR; the order stays unpaid until the money arrives.
 */
export function BankTransferPaymentOption({
  locale,
  currencyCode,
  labels,
  showTitle = false,
  className,
}: BankTransferPaymentOptionProps) {
  const lang = locale ?? defaultLocale(currencyCode)
  const t = labelsFor(lang, labels)
  return (
    <div className={className} lang={lang} data-testid="bt-payment-option">
      {showTitle ? <p style={styles.subtitle}>{t.optionTitle}</p> : null}
      <p style={styles.text}>{t.optionText}</p>
      <p style={styles.muted}>{t.optionUnpaid}</p>
    </div>
  )
}
