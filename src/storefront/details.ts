import { isBankTransfer } from "./provider.ts"
import type { BankTransferAccount, BankTransferDetails } from "./types.ts"

type PaymentLike = {
  provider_id?: string | null
  data?: Record<string, unknown> | null
  canceled_at?: unknown
  created_at?: unknown
}
type CollectionLike = {
  payments?: PaymentLike[] | null
  payment_sessions?: PaymentLike[] | null
}

/**
 * What `getBankTransferDetails` reads: an order (`payment_collections[]`), a cart
 * (`payment_collection`), a payment collection (`payments[]`, `payment_sessions[]`) or a single
 * payment / payment session (`provider_id`, `data`). Anything else gives null.
 */
export type BankTransferDetailsSource =
  | {
      payment_collections?: CollectionLike[] | null
      payment_collection?: CollectionLike | null
    }
  | CollectionLike
  | PaymentLike
  | null
  | undefined

const str = (v: unknown): string | null =>
  typeof v === "string" ? v : typeof v === "number" ? String(v) : null

function account(v: unknown): BankTransferAccount | null {
  if (!v || typeof v !== "object") {
    return null
  }
  const a = v as Record<string, unknown>
  const number = str(a.account_number)
  if (!number) {
    return null
  }
  return {
    bank_bin: str(a.bank_bin),
    bank_name: str(a.bank_name),
    swift: str(a.swift),
    account_number: number,
    account_holder: str(a.account_holder) ?? "",
    currency: str(a.currency) ?? "",
  }
}

/** `data.bank_transfer` checked and normalised (absent optional fields → null), or null. */
function fromData(data: unknown): BankTransferDetails | null {
  const bt = (data as { bank_transfer?: unknown } | null | undefined)
    ?.bank_transfer
  if (!bt || typeof bt !== "object") {
    return null
  }
  const d = bt as Record<string, unknown>
  const memo = str(d.memo)
  const amount = str(d.amount)
  const currency = str(d.currency_code)
  if (!memo || !amount || !currency) {
    return null
  }
  return {
    version: typeof d.version === "number" ? d.version : 1,
    order_number: str(d.order_number) ?? "",
    reference: str(d.reference) ?? memo,
    memo,
    currency_code: currency,
    amount,
    accounts: Array.isArray(d.accounts)
      ? d.accounts
          .map(account)
          .filter((a): a is BankTransferAccount => a !== null)
      : [],
    instructions: str(d.instructions),
    deadline: str(d.deadline),
    qr_payload: str(d.qr_payload),
    qr_image_url: str(d.qr_image_url),
    payment_url: str(d.payment_url) ?? "",
    status_url: str(d.status_url) ?? "",
  }
}

/**
 * The bank-transfer payment details of an order, cart, payment collection, payment or payment
 * session (see BankTransferDetailsSource), or null when it was not paid by bank transfer or the
 * details are not written yet (the plugin writes them just after the order is placed). Pure and
 * server-safe: call it in a React Server Component on the order you fetched with
 * `fields: "*payment_collections.payments"`. Payments win over sessions and live ones over
 * cancelled ones; among equals the last one.
 */
export function getBankTransferDetails(
  source: BankTransferDetailsSource
): BankTransferDetails | null {
  if (!source || typeof source !== "object") {
    return null
  }
  const s = source as Record<string, any>
  const collections: CollectionLike[] = [
    ...(Array.isArray(s.payment_collections) ? s.payment_collections : []),
    ...(s.payment_collection && typeof s.payment_collection === "object"
      ? [s.payment_collection]
      : []),
    ...(Array.isArray(s.payments) || Array.isArray(s.payment_sessions)
      ? [s as CollectionLike]
      : []),
  ].filter((c) => c && typeof c === "object")

  const candidates: { details: BankTransferDetails; rank: number }[] = []
  const consider = (p: PaymentLike | null | undefined, rank: number) => {
    if (!p || typeof p !== "object" || !isBankTransfer(p.provider_id)) {
      return
    }
    const details = fromData(p.data)
    if (details) {
      candidates.push({ details, rank: rank + (p.canceled_at ? 0 : 2) })
    }
  }
  for (const c of collections) {
    for (const p of Array.isArray(c.payments) ? c.payments : []) {
      consider(p, 1)
    }
    for (const p of Array.isArray(c.payment_sessions)
      ? c.payment_sessions
      : []) {
      consider(p, 0)
    }
  }
  if ("provider_id" in s) {
    consider(s as PaymentLike, 1)
  }
  let best: (typeof candidates)[number] | null = null
  for (const c of candidates) {
    if (!best || c.rank >= best.rank) {
      best = c
    }
  }
  return best?.details ?? null
}

/**
 * The order's payment token: the last path segment of `details.payment_url`
 * (https://…/bank-transfer/pay/<token>), sent as header `x-bank-transfer-token` to the store
 * routes. "" when there is none.
 */
export function paymentTokenOf(
  details: Pick<BankTransferDetails, "payment_url"> | null | undefined
): string {
  const url = details?.payment_url
  if (typeof url !== "string") {
    return ""
  }
  const path = url.split(/[?#]/)[0].replace(/\/+$/, "")
  const last = path.slice(path.lastIndexOf("/") + 1)
  try {
    return decodeURIComponent(last)
  } catch {
    return last
  }
}
