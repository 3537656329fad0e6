import { buildVietQrPayload } from "./vietqr"
import { renderQrSvg } from "./qr-image"
import { toMinorUnits } from "../money/minor-units"
import { instructionsText } from "./instructions-text"
import type { BankTransferOptions, ReceivingAccount } from "../options"

export type ExpectationView = {
  id: string
  order_id: string
  order_number: string
  status: string
  currency_code: string
  amount_due: unknown
  amount_received: unknown
  amount_remaining: unknown
  reference: string
  memo: string
  account: ReceivingAccount
  due_at: Date | string | null
}

/**
 * What a shopper needs to pay: the amounts, where, the memo, the merchant's instructions (for the
 * order's currency, in `lang`, by default the currency's language), and a VietQR code for exactly
 * the amount still missing. Used by the Store API, the payment page and the notifications.
 */
export async function buildInstructions(
  expectation: ExpectationView,
  options: BankTransferOptions,
  { image = true, lang }: { image?: boolean; lang?: string } = {}
) {
  const account = expectation.account
  const remaining = String(expectation.amount_remaining)
  const qr = await qrFor(
    account,
    expectation.currency_code,
    remaining,
    expectation.memo,
    options,
    image
  )
  return {
    order_id: expectation.order_id,
    order_number: expectation.order_number,
    status: expectation.status,
    currency_code: expectation.currency_code,
    amount_due: String(expectation.amount_due),
    amount_received: String(expectation.amount_received),
    amount_remaining: remaining,
    reference: expectation.reference,
    memo: expectation.memo,
    instructions: instructionsText(
      options.instructions,
      expectation.currency_code,
      lang
    ),
    accounts: [
      {
        bank_bin: account.bank_bin ?? null,
        bank_name: account.bank_name ?? null,
        swift: account.swift ?? null,
        account_number: account.account_number,
        account_holder: account.account_holder,
        currency: account.currency,
      },
    ],
    deadline: expectation.due_at
      ? new Date(expectation.due_at).toISOString()
      : null,
    qr,
  }
}

/**
 * VietQR exists only for Vietnamese accounts (a NAPAS BIN) in VND, and nothing is due on a paid order.
 * `image: false` skips the SVG (a few milliseconds each) where only the payload travels: notifications.
 */
async function qrFor(
  account: ReceivingAccount,
  currency: string,
  remaining: string,
  memo: string,
  options: BankTransferOptions,
  image: boolean
) {
  const amount = toMinorUnits(remaining, currency)
  if (!options.qr || !account.bank_bin || currency !== "VND" || amount <= 0n) {
    return null
  }
  const payload = buildVietQrPayload({
    bin: account.bank_bin,
    accountNumber: account.account_number,
    amount,
    memo,
    currency: "VND",
  })
  return {
    format: "vietqr",
    payload,
    svg: image ? await renderQrSvg(payload) : null,
  }
}
