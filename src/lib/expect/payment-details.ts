import { buildInstructions, type ExpectationView } from "./instructions"
import { paymentPageUrl } from "./shopper-notification"
import type { BankTransferOptions } from "../options"

/**
 * How to pay an order, as Medusa's payment and payment session carry it under `data.bank_transfer`
 * once the order is placed: any storefront's order-confirmed page shows it from the order it
 * already fetched (`payment_collections.payments.data`), guests included, without calling the
 * plugin.
 *
 * Shape (version 1): amounts are decimal strings in the currency's major unit, as Medusa writes
 * amounts ("2430000" VND); `accounts` the receiving accounts; `reference` the short payment
 * reference and `memo` the exact text for the transfer's memo; `qr_payload` the EMVCo/NAPAS VietQR
 * string (null when no VietQR applies) and `qr_image_url` an SVG of it; `deadline` ISO 8601;
 * `payment_url` the hosted payment page and `status_url` its live status (JSON). Written once at
 * placement: what is still owed later is on the status URL and the payment page.
 */
export async function paymentDetails(
  expectation: ExpectationView & { page_token: string },
  options: BankTransferOptions
) {
  const i = await buildInstructions(expectation, options, { image: false })
  const page = paymentPageUrl(options, expectation.page_token)
  return {
    version: 1,
    order_number: i.order_number,
    reference: i.reference,
    memo: i.memo,
    currency_code: i.currency_code,
    amount: i.amount_due,
    accounts: i.accounts,
    instructions: i.instructions ?? null,
    deadline: i.deadline,
    qr_payload: i.qr?.payload ?? null,
    qr_image_url: i.qr ? `${page}/qr` : null,
    payment_url: page,
    status_url: `${page}/status`,
  }
}

export type PaymentDetails = Awaited<ReturnType<typeof paymentDetails>>
