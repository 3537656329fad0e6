import crypto from "crypto"
import type { BankTransferOptions } from "../options"
import { makeMemo, makeReference } from "../identifiers/reference"
import { normalisePhone, normaliseTaxCode } from "../identifiers/normalise"
import { companyKey, companyLookupToken } from "../match/company"
import { normaliseMemo } from "../match/memo"
import {
  classifyProduct,
  EscalationPolicy,
  policyForKinds,
  scheduleFor,
  BusinessDayAdder,
} from "../escalate/policy"

/** What an expectation is built from: the order as the workflow reads it with Medusa's query. */
export type OrderForExpectation = {
  id: string
  display_id: number
  email: string | null
  customer_id: string | null
  currency_code: string
  created_at: Date | string
  customer?: {
    first_name?: string | null
    last_name?: string | null
    phone?: string | null
    company_name?: string | null
    metadata?: Record<string, unknown> | null
  } | null
  billing_address?: {
    first_name?: string | null
    last_name?: string | null
    phone?: string | null
    company?: string | null
    metadata?: Record<string, unknown> | null
  } | null
  payment_collection: { id: string; amount: unknown }
  products: {
    id?: string
    metadata?: Record<string, unknown> | null
    type?: { value: string } | null
    tags?: { value: string }[] | null
  }[]
}

/** The plugin options' policies in the escalation library's shape. */
export function policiesFromOptions(
  options: BankTransferOptions
): Record<string, EscalationPolicy> {
  return Object.fromEntries(
    Object.entries(options.policies).map(([name, p]) => [
      name,
      {
        name,
        confirmationAfter: p.confirmation_after,
        tentativeCancelAfter: p.tentative_cancel_after,
        finalCancelAfter: p.final_cancel_after,
      },
    ])
  )
}

/** A tax code given by the shopper: billing address metadata first (per order), then the customer's. */
function taxCodeOf(order: OrderForExpectation) {
  const candidates = [
    order.billing_address?.metadata?.tax_code,
    order.billing_address?.metadata?.vat_number,
    order.customer?.metadata?.tax_code,
    order.customer?.metadata?.vat_number,
  ]
  for (const c of candidates) {
    const code = typeof c === "string" ? normaliseTaxCode(c) : null
    if (code) {
      return code
    }
  }
  return null
}

/** The buyer's name: the billing address's (per order), else the customer's; null when neither has one. */
export function customerNameOf(order: OrderForExpectation): string | null {
  for (const who of [order.billing_address, order.customer]) {
    const name = [who?.first_name, who?.last_name]
      .map((p) => (typeof p === "string" ? p.trim() : ""))
      .filter(Boolean)
      .join(" ")
    if (name) {
      return name.slice(0, 200)
    }
  }
  return null
}

/** The receiving account for the order's currency (the first one when none is in it). */
export function accountFor(options: BankTransferOptions, currency: string) {
  const upper = currency.toUpperCase()
  return (
    options.accounts.find((a) => a.currency === upper) ?? options.accounts[0]
  )
}

/** Everything an expectation stores about an order, computed from the order alone. */
export function buildExpectation(
  order: OrderForExpectation,
  options: BankTransferOptions,
  calendar: BusinessDayAdder
) {
  const currency = order.currency_code.toUpperCase()
  const orderNumber = String(order.display_id)
  const reference = makeReference(options.reference_prefix, orderNumber)
  const taxCode = taxCodeOf(order)
  const company =
    order.billing_address?.company || order.customer?.company_name || null
  const customerName = customerNameOf(order)
  const placedAt = new Date(order.created_at)
  const policy = policyForKinds(
    order.products.map((p) => classifyProduct(p)),
    policiesFromOptions(options)
  )
  const schedule = scheduleFor(placedAt, policy, calendar)
  const tentative = schedule.find((s) => s.step === "tentative_cancel")
  const amount = String(order.payment_collection.amount)
  return {
    order_id: order.id,
    order_number: orderNumber,
    payment_collection_id: order.payment_collection.id,
    customer_id: order.customer_id,
    email: order.email,
    customer_name: customerName,
    customer_name_key: customerName
      ? normaliseMemo(customerName) || null
      : null,
    reference,
    memo: makeMemo({ reference, taxCode }),
    currency_code: currency,
    amount_due: amount,
    amount_received: "0",
    amount_remaining: amount,
    tax_code: taxCode,
    phone:
      normalisePhone(order.billing_address?.phone) ??
      normalisePhone(order.customer?.phone),
    company_name: company,
    company_key: company ? companyKey(company) || null : null,
    company_token: company ? companyLookupToken(company) || null : null,
    status: "awaiting_transfer" as const,
    policy: policy.name,
    placed_at: placedAt,
    due_at: tentative?.dueAt ?? null,
    next_step: schedule[0]?.step ?? null,
    next_step_at: schedule[0]?.dueAt ?? null,
    steps_done: {},
    account: accountFor(options, currency),
    page_token: crypto.randomBytes(24).toString("base64url"),
  }
}
