import type { BankTransferOptions } from "../../options"
import { payosSignedText } from "./payos"
import { hmacHex } from "./signature"

/**
 * payOS's delivery for the admin's "send a test": the documented shape, `data` signed with the
 * configured checksum key exactly as payOS signs it (an unconfigured channel gets an unsigned
 * delivery, which the route refuses: that is what the test shows).
 */
export function payosTestDelivery(
  options: BankTransferOptions,
  account: string,
  vnTime: string,
  headers: Record<string, string>
) {
  const data = {
    orderCode: Date.now(),
    amount: 1000,
    description: "TEST WEBHOOK",
    accountNumber: account,
    reference: `TEST${Date.now()}`,
    transactionDateTime: vnTime,
    currency: "VND",
    paymentLinkId: "test",
    code: "00",
    desc: "success",
    counterAccountBankId: "",
    counterAccountBankName: "",
    counterAccountName: "",
    counterAccountNumber: "",
    virtualAccountName: "",
    virtualAccountNumber: "",
  }
  const key = options.webhooks.payos?.checksum_key ?? ""
  const body = JSON.stringify({
    code: "00",
    desc: "success",
    success: true,
    data,
    signature: hmacHex("sha256", key, payosSignedText(data)),
  })
  return { url: "/hooks/bank-transfer/payos", headers, body }
}
