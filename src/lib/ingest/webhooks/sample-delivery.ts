import crypto from "crypto"
import type { BankTransferOptions } from "../../options"
import { hmacHex } from "./signature"
import { sortKeysDeep } from "./sort-keys"
import { payosTestDelivery } from "./sample-payos"

export { sortKeysDeep }

/**
 * A signed test delivery for one channel, built exactly as the provider would send it, so that the
 * admin's "send a test" exercises the real verification path (marked as a test: nothing stored).
 */
export function testDelivery(
  channel: string,
  options: BankTransferOptions,
  now = new Date()
) {
  const account = options.accounts[0].account_number
  const vnTime = new Date(now.getTime() + 7 * 3600_000)
    .toISOString()
    .slice(0, 19)
    .replace("T", " ")
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "x-bank-transfer-test": "1",
  }
  if (channel === "sepay") {
    const body = JSON.stringify({
      id: Date.now(),
      gateway: "TEST",
      transactionDate: vnTime,
      accountNumber: account,
      code: null,
      content: "TEST WEBHOOK",
      transferType: "in",
      transferAmount: 1000,
      accumulated: 0,
      subAccount: null,
      referenceCode: "TEST",
      description: "TEST WEBHOOK",
    })
    const sepay = options.webhooks.sepay
    if (sepay?.hmac_secret) {
      const t = String(Math.floor(now.getTime() / 1000))
      headers["x-sepay-timestamp"] = t
      headers["x-sepay-signature"] = hmacHex(
        "sha256",
        sepay.hmac_secret,
        `${t}.${body}`
      )
    }
    return { url: "/hooks/bank-transfer/sepay", headers, body }
  }
  if (channel === "casso") {
    const payload = {
      error: 0,
      data: {
        id: Date.now(),
        reference: "TEST",
        description: "TEST WEBHOOK",
        amount: 1000,
        runningBalance: 0,
        transactionDateTime: vnTime,
        accountNumber: account,
        bankName: "TEST",
        bankAbbreviation: "TEST",
        virtualAccountNumber: "",
        virtualAccountName: "",
        counterAccountName: "",
        counterAccountNumber: "",
        counterAccountBankId: "",
        counterAccountBankName: "",
      },
    }
    const t = String(now.getTime())
    const secret = options.webhooks.casso?.secret ?? ""
    headers["x-casso-signature"] =
      `t=${t},v1=${hmacHex("sha512", secret, `${t}.${JSON.stringify(sortKeysDeep(payload))}`)}`
    return {
      url: "/hooks/bank-transfer/casso",
      headers,
      body: JSON.stringify(payload),
    }
  }
  if (channel === "payos") {
    return payosTestDelivery(options, account, vnTime, headers)
  }
  const body = JSON.stringify({
    transactions: [
      {
        id: `TEST-${crypto.randomUUID()}`,
        account,
        booked_at: now.toISOString(),
        amount: "1000",
        currency: "VND",
        direction: "in",
        memo: "TEST WEBHOOK",
      },
    ],
  })
  const t = String(Math.floor(now.getTime() / 1000))
  headers["x-bank-signature"] =
    `t=${t},v1=${hmacHex("sha256", options.webhooks.generic?.secret ?? "", `${t}.${body}`)}`
  return { url: "/hooks/bank-transfer/generic", headers, body }
}
