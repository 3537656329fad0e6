import type {
  Allocation,
  BankTransaction,
  Sighting,
  TransactionDetail,
} from "./http"

/** An order a movement pays (a live allocation), as the ledger names it. */
export type LedgerOrderRef = {
  order_id: string
  /** The order's display id (Medusa's `display_id`, the expectation's order_number), e.g. "1042". */
  display_id: string
}

/** GET /admin/bank-transfer/transactions: each movement names the orders its live allocations pay. */
export type LedgerTransaction = BankTransaction & { orders: LedgerOrderRef[] }

/** An allocation with its order named: display id for the link text, id for `/orders/<id>`. */
export type LedgerAllocation = Omit<Allocation, "transaction"> & {
  order_id: string | null
  order_display_id: string | null
}

/** A report of the movement, with the statement file's name when it came from one. */
export type LedgerSighting = Sighting & { import_file_name: string | null }

/**
 * GET /admin/bank-transfer/transactions/:id — the movement (with its raw payload, as the first
 * channel sent it), its allocations oldest first (reversed ones included, `reversed_at` set), its
 * suggestions, its reports (sightings) oldest first and its audit trail.
 */
export type LedgerTransactionDetail = Omit<
  TransactionDetail,
  "transaction" | "allocations" | "sightings"
> & {
  transaction: BankTransaction & { raw?: unknown }
  allocations: LedgerAllocation[]
  sightings: LedgerSighting[]
}
