import { Button, Heading, Text } from "@medusajs/ui"
import { MagnifyingGlass } from "@medusajs/icons"
import { useState } from "react"
import { SuggestionCard } from "./suggestion-card"
import { FindTransactionModal } from "./find-transaction-modal"
import type { Expectation, Suggestion } from "../../../types/http"
import { useI18n } from "../../hooks/use-i18n"

/** Pending suggestions first: the accountant's main job on this order. */
export function SuggestionsSection({
  expectation,
  suggestions,
}: {
  expectation: Expectation
  suggestions: Suggestion[]
}) {
  const { t } = useI18n()
  const [finding, setFinding] = useState(false)
  const pending = suggestions.filter((s) => s.status === "pending")

  return (
    <div
      className="flex flex-col gap-y-3 px-6 py-4"
      data-testid="bt-suggestions"
    >
      <div className="flex items-start justify-between gap-x-4">
        <div>
          <Heading level="h3">{t("bankTransfer.suggestions.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("bankTransfer.suggestions.subtitle")}
          </Text>
        </div>
        <Button
          size="small"
          variant="secondary"
          onClick={() => setFinding(true)}
          data-testid="bt-find-open"
        >
          <MagnifyingGlass />
          {t("bankTransfer.find.open")}
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
          {t("bankTransfer.suggestions.empty")}
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
