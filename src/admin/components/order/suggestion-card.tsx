import { Badge, Button, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { HighlightedMemo } from "../common/highlighted-memo"
import { ReasonPrompt } from "../common/reason-prompt"
import { useI18n } from "../../hooks/use-i18n"
import { reasonText } from "../../lib/reasons"
import {
  useConfirmSuggestion,
  useRejectSuggestion,
} from "../../hooks/mutations"
import type { Expectation, Suggestion } from "../../../types/http"

/**
 * One likely transaction for this order, with why it was suggested. Confirm applies it (and
 * captures the Medusa payment when the order becomes paid); "Not this transaction" suppresses the
 * pair for good, so it asks first.
 */
export function SuggestionCard({
  suggestion,
  expectation,
}: {
  suggestion: Suggestion
  expectation: Expectation
}) {
  const { t, lang, money, dateTime, number } = useI18n()
  const tx = suggestion.transaction
  const confirm = useConfirmSuggestion()
  const reject = useRejectSuggestion()
  const [rejecting, setRejecting] = useState(false)
  const busy = confirm.isPending || reject.isPending

  return (
    <div
      className="flex flex-col gap-y-2 rounded-lg border px-4 py-3"
      data-testid="bt-suggestion"
      data-suggestion-id={suggestion.id}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex items-baseline gap-x-2">
          <Text size="base" weight="plus" data-testid="bt-suggestion-amount">
            {tx ? money(tx.amount, tx.currency_code) : "—"}
          </Text>
          <Text size="small" className="text-ui-fg-subtle">
            {tx ? dateTime(tx.booked_at) : ""}
          </Text>
        </div>
        <Badge
          size="2xsmall"
          color={
            suggestion.score >= 70
              ? "green"
              : suggestion.score >= 40
                ? "orange"
                : "grey"
          }
        >
          {t("bankTransfer.suggestions.score", {
            score: number(Math.round(suggestion.score)),
          })}
        </Badge>
      </div>
      <Text size="small">
        <HighlightedMemo memo={tx?.memo} ids={expectation} />
      </Text>
      {tx?.counterparty_name && (
        <Text size="xsmall" className="text-ui-fg-subtle">
          {t("bankTransfer.suggestions.fromPayer", {
            name: tx.counterparty_name,
          })}
          {tx.counterparty_account ? ` · ${tx.counterparty_account}` : ""}
        </Text>
      )}
      {!!suggestion.reasons?.length && (
        <ul
          className="text-ui-fg-subtle txt-compact-small list-inside list-disc"
          data-testid="bt-suggestion-reasons"
        >
          {suggestion.reasons.map((r, i) => (
            <li key={i}>{reasonText(r, t, lang)}</li>
          ))}
        </ul>
      )}
      <div className="flex justify-end gap-x-2">
        <Button
          size="small"
          variant="secondary"
          disabled={busy}
          onClick={() => setRejecting(true)}
          data-testid="bt-suggestion-reject"
        >
          {t("bankTransfer.actions.notThisTransaction")}
        </Button>
        <Button
          size="small"
          disabled={busy}
          isLoading={confirm.isPending}
          data-testid="bt-suggestion-confirm"
          onClick={() =>
            confirm.mutate(
              { id: suggestion.id },
              {
                onSuccess: () =>
                  toast.success(t("bankTransfer.suggestions.applied")),
              }
            )
          }
        >
          {t("bankTransfer.actions.confirm")}
        </Button>
      </div>
      <ReasonPrompt
        open={rejecting}
        onOpenChange={setRejecting}
        title={t("bankTransfer.suggestions.rejectTitle")}
        description={t("bankTransfer.suggestions.rejectDescription")}
        confirmText={t("bankTransfer.actions.notThisTransaction")}
        onConfirm={(reason) =>
          reject
            .mutateAsync({ id: suggestion.id, reason: reason || undefined })
            .then(() => toast.success(t("bankTransfer.suggestions.rejected")))
        }
      />
    </div>
  )
}
