/**
 * Shapes the storefront kit reads. Every amount is a decimal string in the currency's major unit,
 * as Medusa writes amounts ("1280000" for 1.280.000 ₫, "12.5" for €12.50): never a float.
 */

/** A receiving account the shopper transfers to. `currency` is an ISO 4217 code. */
export type BankTransferAccount = {
  /** NAPAS BIN of a Vietnamese bank ("970436"), or null abroad. */
  bank_bin: string | null
  bank_name: string | null
  swift: string | null
  account_number: string
  account_holder: string
  currency: string
}

/**
 * How to pay an order: `data.bank_transfer` of the order's bank-transfer payment (and payment
 * session), written by the plugin when the order is placed (version 1). `amount` is the order's
 * amount at placement; what is still owed later comes from the status route
 * (BankTransferStatusView.amount_remaining).
 */
export type BankTransferDetails = {
  version: number
  order_number: string
  /** The short payment reference, inside `memo`. */
  reference: string
  /** The exact text the shopper types as the transfer's memo. */
  memo: string
  /** ISO 4217, as the plugin wrote it ("VND"). */
  currency_code: string
  /** Decimal string, major unit. */
  amount: string
  accounts: BankTransferAccount[]
  /** The merchant's own text, or null. */
  instructions: string | null
  /** ISO 8601, or null when the order has no deadline. */
  deadline: string | null
  /** EMVCo/NAPAS VietQR string for `amount`, or null when no VietQR applies. */
  qr_payload: string | null
  /** The hosted SVG of the QR (`?format=png` for PNG), or null. */
  qr_image_url: string | null
  /** Hosted payment page, https://…/bank-transfer/pay/<token>. */
  payment_url: string
  /** Hosted page's live status (JSON). */
  status_url: string
}

/** Status values of the plugin's state machine (src/modules/bank-transfer/state-machine.ts). */
export type BankTransferStatus =
  | "awaiting_transfer"
  | "partially_paid"
  | "paid"
  | "awaiting_customer_confirmation"
  | "customer_confirmed"
  | "tentatively_canceled"
  | "needs_attention"
  | "canceled"
  | "refunded"

/**
 * `GET /store/bank-transfer/orders/:id` → `{ bank_transfer: BankTransferStatusView }`: the order's
 * transfer now. Amounts are decimal strings (major unit); `qr.payload` is a VietQR for exactly
 * `amount_remaining` (null when nothing is owed or no VietQR applies).
 */
export type BankTransferStatusView = {
  order_id: string
  order_number: string
  /** A BankTransferStatus; a newer server may add values. */
  status: BankTransferStatus | (string & {})
  currency_code: string
  amount_due: string
  amount_received: string
  amount_remaining: string
  reference: string
  memo: string
  instructions: string | null
  accounts: BankTransferAccount[]
  deadline: string | null
  qr: { format: string; payload: string; svg: string | null } | null
  payment_url: string
  status_url: string
}

/** Headers as @medusajs/js-sdk takes them (null removes a default header). */
export type BankTransferHeaders = Record<string, string | null>

/**
 * The part of a `@medusajs/js-sdk` `Medusa` instance the kit uses (pass your `sdk`; a structural
 * type so the kit does not need the SDK's types).
 */
export type BankTransferSdk = {
  client: {
    fetch<T = any>(
      input: string,
      init?: {
        method?: string
        headers?: BankTransferHeaders
        body?: any
        query?: Record<string, any>
      }
    ): Promise<T>
  }
  store: {
    order: {
      retrieve(
        id: string,
        query?: { fields?: string } & Record<string, any>
      ): Promise<{ order: any }>
    }
  }
}

/** Languages of the built-in texts. */
export type BankTransferLocale = "vi" | "en"
