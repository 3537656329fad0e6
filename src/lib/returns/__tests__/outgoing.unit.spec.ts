import {
  memoNamesOrder,
  payerBankBin,
  pickRefundForOutgoing,
  refundMemo,
  sameAccount,
} from "../outgoing"

describe("refund memo", () => {
  it("names the order, ASCII, at most 25 characters", () => {
    expect(refundMemo({ order_number: "1234" })).toBe("HOAN TIEN DH1234")
    expect(refundMemo({ transaction_id: "bttx_01ABCDEFGHJKMN" })).toBe(
      "HOAN TIEN EFGHJKMN"
    )
    expect(
      refundMemo({ order_number: "123456789012345678901234" }).length
    ).toBeLessThanOrEqual(25)
  })
})

describe("memo names the order", () => {
  it("finds DH<n>, #<n> and <n> as whole tokens, through bank prefixes and diacritics", () => {
    expect(memoNamesOrder("MBVCB.123.Hoàn tiền ĐH1234", "1234")).toBe(true)
    expect(memoNamesOrder("refund #1234 thanks", "1234")).toBe(true)
    expect(memoNamesOrder("HOAN TIEN DH12345", "1234")).toBe(false)
    expect(memoNamesOrder("anything", "")).toBe(false)
  })
})

describe("pick the refund an outgoing line pays", () => {
  const refunds = [
    { id: "a", order_number: "11", payer_account: "0011 223" },
    { id: "b", order_number: "12", payer_account: "999" },
  ]
  it("one by memo, one by account", () => {
    expect(pickRefundForOutgoing({ memo: "HOAN TIEN DH11" }, refunds)).toBe("a")
    expect(
      pickRefundForOutgoing(
        { memo: "chuyen tien", counterparty_account: "0011223" },
        refunds
      )
    ).toBe("a")
  })
  it("none, or several equally good: left for the accountant", () => {
    expect(pickRefundForOutgoing({ memo: "chuyen tien" }, refunds)).toBeNull()
    expect(
      pickRefundForOutgoing(
        { memo: "DH11", counterparty_account: "999" },
        refunds
      )
    ).toBeNull()
  })
  it("compares accounts by their letters and digits", () => {
    expect(sameAccount("0011-223", "0011223")).toBe(true)
    expect(sameAccount(null, null)).toBe(false)
  })
})

describe("payer bank BIN", () => {
  it("reads payOS / Casso fields, only six digits", () => {
    expect(payerBankBin({ data: { counterAccountBankId: "970436" } })).toBe(
      "970436"
    )
    expect(payerBankBin({ corresponsiveBankId: "970415" })).toBe("970415")
    expect(payerBankBin({ counterAccountBankId: "VCB" })).toBeNull()
    expect(payerBankBin(null)).toBeNull()
  })
})

import { returnTransfer } from "../transfer"
import { parseVietQrPayload } from "../../expect/vietqr"

describe("return transfer", () => {
  const item = {
    amount: "150000",
    currency_code: "vnd",
    payer_account: "0011 2233",
    payer_bank_bin: "970436",
    payer_name: "NGUYEN VAN A",
    order_number: "42",
    transaction_id: "bttx_1",
  }
  it("a VietQR to the payer's account with the exact amount and a memo naming the order", () => {
    const t = returnTransfer(item)!
    expect(t.memo).toBe("HOAN TIEN DH42")
    expect(t.account_number).toBe("00112233")
    const parsed = parseVietQrPayload(t.qr_payload!) as any
    expect(JSON.stringify(parsed)).toContain("970436")
    expect(JSON.stringify(parsed)).toContain("00112233")
    expect(JSON.stringify(parsed)).toContain("150000")
    expect(JSON.stringify(parsed)).toContain("HOAN TIEN DH42")
  })
  it("details without a QR when the bank is unknown or the currency is not VND; nothing without an account", () => {
    expect(
      returnTransfer({ ...item, payer_bank_bin: null })!.qr_payload
    ).toBeNull()
    expect(
      returnTransfer({ ...item, currency_code: "eur", amount: "10.50" })!
        .qr_payload
    ).toBeNull()
    expect(returnTransfer({ ...item, payer_account: null })).toBeNull()
  })
})
