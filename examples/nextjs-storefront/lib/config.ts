import Medusa from "@medusajs/js-sdk"
import { formatAmount } from "medusa-bank-transfer/storefront"

export const BACKEND_URL =
  process.env.NEXT_PUBLIC_MEDUSA_BACKEND_URL || "http://localhost:9000"
export const PUBLISHABLE_KEY = process.env.NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY

/**
 * A JS SDK client. The customer's token is kept by this app (an httpOnly cookie, see lib/session.ts)
 * and handed in here, so the SDK itself stores nothing: the same code runs on the server and in the
 * browser.
 */
export function createSdk(token?: string | null) {
  return new Medusa({
    baseUrl: BACKEND_URL,
    publishableKey: PUBLISHABLE_KEY,
    auth: { type: "jwt", jwtTokenStorageMethod: "nostore" },
    globalHeaders: token ? { authorization: `Bearer ${token}` } : {},
  })
}

/** The kit's language: "en" or "vi" (NEXT_PUBLIC_LOCALE). */
export const LOCALE: "en" | "vi" =
  process.env.NEXT_PUBLIC_LOCALE === "vi" ? "vi" : "en"

/**
 * Amounts in Medusa v2 are in the currency's main unit (2400000 VND is 2,400,000 ₫): written the way
 * the kit writes them, so that the page reads one way throughout.
 */
export function formatMoney(
  amount: number | string | null | undefined,
  currency = "vnd"
) {
  return formatAmount(String(amount ?? 0), currency, LOCALE)
}
