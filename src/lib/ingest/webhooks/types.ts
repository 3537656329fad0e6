/** A bank transaction as a channel delivers it, before it is stored. Amounts are decimal strings. */
export type IncomingLine = {
  external_id: string | null
  account: string | null
  booked_at: Date
  amount: string
  currency_code: string
  direction: "in" | "out"
  memo: string
  counterparty_name: string | null
  counterparty_account: string | null
  raw: unknown
}
