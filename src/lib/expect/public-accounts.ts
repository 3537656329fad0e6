import type { ReceivingAccount } from "../options"

/** The receiving accounts a shopper may see, for one currency (all when none is in it). */
export function publicAccounts(accounts: ReceivingAccount[], currency: string) {
  const inCurrency = accounts.filter(
    (a) => a.currency === currency.toUpperCase()
  )
  return (inCurrency.length ? inCurrency : accounts).map((a) => ({
    bank_bin: a.bank_bin ?? null,
    swift: a.swift ?? null,
    bank_name: a.bank_name ?? null,
    account_number: a.account_number,
    account_holder: a.account_holder,
    currency: a.currency,
  }))
}
