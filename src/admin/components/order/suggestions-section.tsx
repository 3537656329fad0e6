import { Button, Heading, Text } from "@medusajs/ui"
import { MagnifyingGlass } from "@medusajs/icons"
import { useState } from "react"
import { SuggestionCard } from "./suggestion-card"
import { FindTransactionModal } from "./find-transaction-modal"
import type { Expectation, Suggestion } from "../../../types/http"

/** Pending suggestions first: the accountant's main job on this order. */
export function SuggestionsSection({
  expectation,
  suggestions,
}: {
  expectation: Expectation
  suggestions: Suggestion[]
}) {
  const [finding, setFinding] = useState(false)
  const pending = suggestions.filter((s) => s.status === "pending")

  return (
    <div
      className="flex flex-col gap-y-3 px-6 py-4"
      data-testid="bt-suggestions"
    >
      <div className="flex items-start justify-between gap-x-4">
        <div>
          <Heading level="h3">Suggested transactions</Heading>
          <Text size="small" className="text-ui-fg-subtle" lang="vi">
            Có thể đã được thanh toán bởi giao dịch
          </Text>
        </div>
        <Button
          size="small"
          variant="secondary"
          onClick={() => setFinding(true)}
          data-testid="bt-find-open"
        >
          <MagnifyingGlass />
          Find a transaction
        </Button>
      </div>
      {pending.length ? (
        pending.map((s) => (
          <SuggestionCard key={s.id} suggestion={s} expectation={expectation} />
        ))
      ) : (
        <Text
          size="small"
          className="text-ui-fg-muted"
          data-testid="bt-no-suggestions"
        >
          No suggested transactions. Find one by date, amount or memo if the
          shopper says they paid.
        </Text>
      )}
      <FindTransactionModal
        open={finding}
        onOpenChange={setFinding}
        expectation={expectation}
      />
    </div>
  )
}
