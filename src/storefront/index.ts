/**
 * medusa-bank-transfer/storefront — React pieces for a Medusa storefront (Next.js starter or any
 * React app) to take payment by bank transfer with VietQR.
 *
 * This module is not a client module: the pure functions and types are safe in React Server
 * Components; the components come from their own "use client" files, so Next.js draws its client
 * boundary at each of them. Amounts everywhere are decimal strings in the currency's major unit.
 */
export { BANK_TRANSFER_PROVIDER_PREFIX, isBankTransfer } from "./provider.ts"
export {
  getBankTransferDetails,
  paymentTokenOf,
  type BankTransferDetailsSource,
} from "./details.ts"
export {
  defaultLocale,
  formatAmount,
  formatDeadline,
  formatPlainAmount,
} from "./format.ts"
export { LABELS, labelsFor, type BankTransferLabels } from "./labels.ts"
export {
  isFinalStatus,
  isPaidStatus,
  isPayableStatus,
  TOKEN_HEADER,
  type BankTransferRequestError,
} from "./status.ts"
export {
  fetchBankTransferStatus,
  retrieveBankTransferDetails,
  sendBankTransferConfirmation,
  type BankTransferConfirmation,
} from "./api.ts"
export type {
  BankTransferAccount,
  BankTransferDetails,
  BankTransferHeaders,
  BankTransferLocale,
  BankTransferSdk,
  BankTransferStatus,
  BankTransferStatusView,
} from "./types.ts"

// "use client" components, each from its own module
export {
  BankTransferPaymentOption,
  type BankTransferPaymentOptionProps,
} from "./payment-option.tsx"
export {
  BankTransferOrderPayment,
  type BankTransferOrderPaymentProps,
} from "./order-payment.tsx"
export {
  BankTransferConfirmForm,
  type BankTransferConfirmFormProps,
} from "./confirm-form.tsx"
export { BankTransferQr } from "./qr-code.tsx"
export { CopyButton } from "./copy-button.tsx"

// Hooks for your own UI ("use client" modules)
export { useBankTransferStatus } from "./use-status.ts"
export { useBankTransferDetails, DETAILS_RETRY_DELAYS } from "./use-details.ts"
