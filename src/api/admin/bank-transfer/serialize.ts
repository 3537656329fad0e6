import type BankTransferModuleService from "../../../modules/bank-transfer/service"
import type { BankTransaction, Sighting } from "../../../types/http"

type TransactionRecord = Awaited<
  ReturnType<BankTransferModuleService["retrieveBankTransaction"]>
>
type SightingRecord = Awaited<
  ReturnType<BankTransferModuleService["retrieveSighting"]>
>

const iso = (d: Date | string) => new Date(d).toISOString()
const isoOrNull = (d: Date | string | null | undefined) => (d ? iso(d) : null)

/**
 * A ledger transaction as the admin reads it (src/types/http.ts): what res.json would send anyway
 * (dates as ISO strings), written out so that the routes that answer with it are type-checked
 * against the shared shape.
 */
export function transactionJson(t: TransactionRecord): BankTransaction {
  return {
    ...t,
    booked_at: iso(t.booked_at),
    created_at: iso(t.created_at),
    reconciled_at: isoOrNull(t.reconciled_at),
    needs_attention_at: isoOrNull(t.needs_attention_at),
  }
}

/** A sighting (one report of a movement) as the admin reads it. */
export function sightingJson(s: SightingRecord): Sighting {
  return {
    ...s,
    booked_at: iso(s.booked_at),
    created_at: iso(s.created_at),
    resolved_at: isoOrNull(s.resolved_at),
    // A json column: the module writes the bank's keys there as an array of strings.
    bank_references: Array.isArray(s.bank_references)
      ? (s.bank_references as string[])
      : null,
  }
}
