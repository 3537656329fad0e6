import { getBankTransferDetails } from "./details.ts"
import { statusViewOf, TOKEN_HEADER } from "./status.ts"
import type {
  BankTransferDetails,
  BankTransferLocale,
  BankTransferSdk,
  BankTransferStatusView,
} from "./types.ts"

const orderPath = (orderId: string) =>
  `/store/bank-transfer/orders/${encodeURIComponent(orderId)}`

const tokenHeaders = (token?: string | null): Record<string, string> =>
  token ? { [TOKEN_HEADER]: token } : {}

/**
 * `GET /store/bank-transfer/orders/:id` through the SDK (publishable key, and the customer's login
 * if any) with the order's payment token: the transfer now (amounts still owed, status, QR for
 * what is owed, the merchant's instructions in `locale`). Throws the SDK's FetchError (`status`,
 * `message`) on 4xx/5xx.
 */
export async function fetchBankTransferStatus(
  sdk: BankTransferSdk,
  orderId: string,
  token?: string | null,
  locale?: BankTransferLocale
): Promise<BankTransferStatusView | null> {
  const answer = await sdk.client.fetch<unknown>(orderPath(orderId), {
    method: "GET",
    headers: tokenHeaders(token),
    ...(locale ? { query: { lang: locale } } : {}),
  })
  return statusViewOf(answer)
}

/** What the shopper fills in on the "I have paid" form. */
export type BankTransferConfirmation = {
  message?: string
  /** YYYY-MM-DD */
  paid_on?: string
  /** As the shopper typed it ("1.280.000"); read by the server in `locale`'s way. */
  amount?: string
  /** Up to 3 PNG, JPEG or PDF files. */
  files?: readonly Blob[]
  locale?: BankTransferLocale
}

/**
 * `POST /store/bank-transfer/orders/:id/confirm` as multipart (fields message, paid_on, amount,
 * lang, file ×n) through sdk.client.fetch: the SDK JSON-encodes bodies while its content-type is
 * JSON, so the header is removed (null) and the browser writes the multipart boundary, as the
 * SDK's own upload does. Resolves with the server's answer (201 new, 200 the same one again);
 * throws the SDK's FetchError (`status`, `message`) on 4xx/5xx.
 */
export async function sendBankTransferConfirmation(
  sdk: BankTransferSdk,
  orderId: string,
  token: string | null | undefined,
  input: BankTransferConfirmation
): Promise<unknown> {
  const form = new FormData()
  if (input.message) {
    form.append("message", input.message)
  }
  if (input.paid_on) {
    form.append("paid_on", input.paid_on)
  }
  if (input.amount) {
    form.append("amount", input.amount)
  }
  if (input.locale) {
    form.append("lang", input.locale)
  }
  for (const file of input.files ?? []) {
    form.append("file", file, (file as File).name ?? "proof")
  }
  return sdk.client.fetch<unknown>(`${orderPath(orderId)}/confirm`, {
    method: "POST",
    headers: { ...tokenHeaders(token), "content-type": null },
    body: form,
  })
}

/**
 * The order again (`sdk.store.order.retrieve` with its payments, which Medusa answers for guests
 * too) and its bank-transfer details, null while the plugin has not written them yet.
 */
export async function retrieveBankTransferDetails(
  sdk: BankTransferSdk,
  orderId: string
): Promise<BankTransferDetails | null> {
  const { order } = await sdk.store.order.retrieve(orderId, {
    fields: "*payment_collections.payments",
  })
  return getBankTransferDetails(order)
}
