import { buildVietQrPayload } from "../expect/vietqr"
import { toMinorUnits } from "../money/minor-units"
import { refundMemo } from "./outgoing"

/** What the accountant transfers back: the payer's account, the exact amount and the memo. */
export type ReturnTransfer = {
  bank_bin: string | null
  account_number: string
  account_name: string | null
  /** Decimal string in the currency's major units. */
  amount: string
  currency_code: string
  /** Names the order ("HOAN TIEN DH1234"), so that the outgoing line is matched by it. */
  memo: string
  /** VietQR (EMVCo) payload: only for VND to a payer whose bank BIN the incoming line carried. */
  qr_payload: string | null
}

/**
 * The transfer that returns an item's money to its payer, or null when the incoming line did not
 * carry the payer's account (the accountant then asks the customer for one).
 */
export function returnTransfer(item: {
  amount: string
  currency_code: string
  payer_account: string | null
  payer_bank_bin: string | null
  payer_name: string | null
  order_number: string | null
  transaction_id: string | null
}): ReturnTransfer | null {
  const account = (item.payer_account ?? "").replace(/\s+/g, "")
  if (!account) {
    return null
  }
  const memo = refundMemo(item)
  const currency = item.currency_code.toUpperCase()
  const minor = toMinorUnits(item.amount, currency)
  const qr =
    currency === "VND" &&
    item.payer_bank_bin &&
    /^\d{6}$/.test(item.payer_bank_bin) &&
    /^[0-9A-Za-z]{1,19}$/.test(account) &&
    minor > 0n
      ? buildVietQrPayload({
          bin: item.payer_bank_bin,
          accountNumber: account,
          amount: minor,
          memo,
          currency: "VND",
        })
      : null
  return {
    bank_bin: item.payer_bank_bin,
    account_number: account,
    account_name: item.payer_name,
    amount: item.amount,
    currency_code: item.currency_code,
    memo,
    qr_payload: qr,
  }
}
