/** A bank transaction as a channel delivers it, before it is stored. Amounts are decimal strings. */
export type IncomingLine = {
  /** The channel's own id for its own dedupe (SePay's id, a statement line's bank id when unique in its file). */
  external_id: string | null
  account: string | null
  booked_at: Date
  amount: string
  currency_code: string
  direction: "in" | "out"
  memo: string
  counterparty_name: string | null
  counterparty_account: string | null
  /**
   * The reference the payer supplied apart from the free text: camt `Refs/EndToEndId` (unless
   * NOTPROVIDED), MT940 `:61:` customer reference (before `//`, unless NONREF), OFX `REFNUM` or
   * `CHECKNUM`. The parsers also add it to `memo` when the memo does not already hold it, so that
   * the matcher finds an order reference written only there.
   */
  payer_reference?: string | null
  /**
   * Bank-issued keys of the movement, for recognising one movement seen by several channels:
   * SePay `referenceCode`, Casso `reference`, camt `AcctSvcrRef`/`NtryRef` and detail
   * `Refs/AcctSvcrRef`/`TxId`, MT940 `:61:` bank reference (after `//`), OFX `FITID` written
   * `<ACCTID>:<FITID>` (a FITID is unique only within its account), a CSV's reference column.
   * Never the payer's reference, which two movements may share.
   */
  bank_references?: string[]
  raw: unknown
}
