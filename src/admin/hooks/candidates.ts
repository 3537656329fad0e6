import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { API, get } from "../lib/sdk"
import type { MatchCandidatesResponse } from "../../types/http"

/**
 * The open orders a transaction may pay, best first, for a match by hand: one page, searched by
 * customer (`q`). Fresh each time the drawer opens: orders are paid while the accountant works.
 */
export function useMatchCandidates(
  transactionId: string | undefined,
  q: { q?: string; limit: number; offset: number }
) {
  return useQuery({
    queryKey: ["bank-transfer", "candidates", transactionId ?? "", q],
    queryFn: () =>
      get<MatchCandidatesResponse>(
        `${API}/transactions/${transactionId}/candidates`,
        q
      ),
    enabled: !!transactionId,
    placeholderData: keepPreviousData,
    staleTime: 0,
    retry: false,
  })
}
