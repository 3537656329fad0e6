/**
 * Pure rules of the money-to-return loop: the memo a refund transfer carries, and which recorded
 * refund an outgoing bank line pays.
 */

/** Upper-case ASCII letters and digits, every other run of characters one space (đ → D). */
export function memoTokens(memo: string): string[] {
  return memo
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "D")
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean)
}

/**
 * The memo of a refund transfer: "HOAN TIEN DH<order number>" (Vietnamese for "refund, order …"),
 * or "HOAN TIEN <last 8 of the transaction id>" for money of no order. ASCII, at most 25
 * characters, so that every bank carries it whole and the outgoing line can be matched by it.
 */
export function refundMemo(input: {
  order_number?: string | null
  transaction_id?: string | null
}): string {
  const tail = input.order_number
    ? `DH${input.order_number.replace(/[^A-Za-z0-9]/g, "")}`
    : (input.transaction_id ?? "").replace(/[^A-Za-z0-9]/g, "").slice(-8)
  return `HOAN TIEN ${tail}`.trim().slice(0, 25).toUpperCase()
}

/** Whether a memo names the order: a token "DH<n>", "<n>", or "#<n>" for its number. */
export function memoNamesOrder(memo: string, orderNumber: string): boolean {
  const n = orderNumber.replace(/[^A-Za-z0-9]/g, "").toUpperCase()
  if (!n) {
    return false
  }
  return memoTokens(memo).some((t) => t === n || t === `DH${n}`)
}

/** An account number compared as banks write it: digits and letters only, case-insensitive. */
export const sameAccount = (a?: string | null, b?: string | null) => {
  const norm = (v?: string | null) =>
    (v ?? "").replace(/[^A-Za-z0-9]/g, "").toUpperCase()
  return !!norm(a) && norm(a) === norm(b)
}

export type RecordedRefund = {
  id: string
  order_number: string | null
  payer_account: string | null
}

/**
 * Which recorded refund (already filtered to the line's currency and exact amount) an outgoing
 * line pays: those whose order the memo names or whose payer account is the line's counterparty.
 * One → that one; none or several → null (the accountant matches by hand).
 */
export function pickRefundForOutgoing(
  line: { memo: string; counterparty_account?: string | null },
  refunds: RecordedRefund[]
): string | null {
  const fits = refunds.filter(
    (r) =>
      (r.order_number && memoNamesOrder(line.memo, r.order_number)) ||
      sameAccount(r.payer_account, line.counterparty_account)
  )
  return fits.length === 1 ? fits[0].id : null
}

/**
 * The payer's bank as a 6-digit BIN, from the raw line when the channel reports it (payOS and
 * Casso v2 `counterAccountBankId`, Casso v1 `corresponsiveBankId`), else null.
 */
export function payerBankBin(raw: unknown): string | null {
  const seen = new Set<unknown>()
  const look = (v: any, depth: number): string | null => {
    if (!v || typeof v !== "object" || depth > 3 || seen.has(v)) {
      return null
    }
    seen.add(v)
    for (const key of ["counterAccountBankId", "corresponsiveBankId"]) {
      const bin = v[key]
      if (typeof bin === "string" && /^\d{6}$/.test(bin.trim())) {
        return bin.trim()
      }
    }
    for (const child of Object.values(v)) {
      const found = look(child, depth + 1)
      if (found) {
        return found
      }
    }
    return null
  }
  return look(raw, 0)
}
