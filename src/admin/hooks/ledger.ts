import { useQuery } from "@tanstack/react-query"
import { API, download, get } from "../lib/sdk"
import { isMissingRoute } from "../lib/errors"
import { bankTransferKeys } from "./queries"
import type { LedgerTransactionDetail } from "../../types/ledger"

/**
 * One movement with everything its drawer shows (facts, raw payload, the orders it paid, every
 * report of it), in one request: GET /admin/bank-transfer/transactions/:id.
 */
export function useLedgerDetail(id: string | null | undefined) {
  return useQuery({
    queryKey: [...bankTransferKeys.transaction(id ?? ""), "ledger"],
    queryFn: () => get<LedgerTransactionDetail>(`${API}/transactions/${id}`),
    enabled: !!id,
    retry: (count: number, error: unknown) =>
      !isMissingRoute(error) && count < 1,
  })
}

/**
 * Downloads the ledger export for a period (YYYY-MM-DD, the shop's days, both included) through the
 * admin's session (the JS SDK's fetch sends its cookie; a plain link would too, but errors would open
 * as a page). A 400 (period too long, too many rows for XLSX) rejects with the server's message.
 */
export function downloadLedgerExport(input: {
  from: string
  to: string
  format: "csv" | "xlsx"
}) {
  const query = new URLSearchParams(input).toString()
  return download(
    `${API}/exports/transactions?${query}`,
    `bank-transactions_${input.from}_${input.to}.${input.format}`
  )
}
