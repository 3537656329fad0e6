import { Badge, Button, Select, Table, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { HighlightedMemo } from "../common/highlighted-memo"
import { SuggestionStatusBadge } from "../common/badges"
import { ReasonPrompt } from "../common/reason-prompt"
import { useSuggestions } from "../../hooks/queries"
import {
  useConfirmSuggestion,
  useRejectSuggestion,
} from "../../hooks/mutations"
import { errorMessage } from "../../lib/errors"
import { useI18n } from "../../hooks/use-i18n"
import { reasonText } from "../../lib/reasons"
import { SUGGESTION_STATUSES, suggestionStatus } from "../../lib/status"
import type { Suggestion } from "../../../types/http"
import { OffsetPagination } from "../common/offset-pagination"

const PAGE = 20

/** Every order's likely transactions in one inbox, for the accountant's daily round. */
export function SuggestionsTab() {
  const { t } = useI18n()
  const [status, setStatus] = useState("pending")
  const [offset, setOffset] = useState(0)
  const { data, isLoading, isError, error } = useSuggestions({
    status,
    limit: PAGE,
    offset,
  })
  const rows = data?.suggestions ?? []
  const count = data?.count ?? 0

  return (
    <div className="flex flex-col gap-y-4" data-testid="bt-suggestions-tab">
      <div className="flex items-center gap-x-3 px-6">
        <Text size="small" className="text-ui-fg-subtle">
          {t("bankTransfer.inbox.show")}
        </Text>
        <Select
          size="small"
          value={status}
          onValueChange={(s) => {
            setStatus(s)
            setOffset(0)
          }}
        >
          <Select.Trigger className="w-48" data-testid="bt-suggestions-status">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {SUGGESTION_STATUSES.map((s) => (
              <Select.Item key={s} value={s}>
                {suggestionStatus(s, t).label}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </div>
      {isError ? (
        <Text size="small" className="text-ui-fg-error px-6">
          {t("bankTransfer.inbox.loadError", {
            message: errorMessage(error, t),
          })}
        </Text>
      ) : (
        <div className="overflow-x-auto border-t">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>
                  {t("bankTransfer.common.booked")}
                </Table.HeaderCell>
                <Table.HeaderCell className="text-right">
                  {t("bankTransfer.common.amount")}
                </Table.HeaderCell>
                <Table.HeaderCell>
                  {t("bankTransfer.common.memo")}
                </Table.HeaderCell>
                <Table.HeaderCell>
                  {t("bankTransfer.common.order")}
                </Table.HeaderCell>
                <Table.HeaderCell>
                  {t("bankTransfer.common.why")}
                </Table.HeaderCell>
                <Table.HeaderCell />
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rows.map((s) => (
                <SuggestionRow key={s.id} suggestion={s} />
              ))}
            </Table.Body>
          </Table>
          {!rows.length && (
            <Text size="small" className="text-ui-fg-muted px-6 py-6">
              {isLoading
                ? t("bankTransfer.common.loading")
                : status === "pending"
                  ? t("bankTransfer.inbox.emptyPending")
                  : t("bankTransfer.inbox.empty")}
            </Text>
          )}
          <OffsetPagination
            count={count}
            offset={offset}
            pageSize={PAGE}
            onOffsetChange={setOffset}
          />
        </div>
      )}
    </div>
  )
}

function SuggestionRow({ suggestion: s }: { suggestion: Suggestion }) {
  const { t, lang, money, dateTime, number } = useI18n()
  const confirm = useConfirmSuggestion()
  const reject = useRejectSuggestion()
  const [rejecting, setRejecting] = useState(false)
  const tx = s.transaction
  const e = s.expectation
  const busy = confirm.isPending || reject.isPending

  return (
    <Table.Row data-testid="bt-inbox-row" data-suggestion-id={s.id}>
      <Table.Cell className="whitespace-nowrap">
        {tx ? dateTime(tx.booked_at) : "—"}
      </Table.Cell>
      <Table.Cell className="whitespace-nowrap text-right">
        {tx ? money(tx.amount, tx.currency_code) : "—"}
      </Table.Cell>
      <Table.Cell className="max-w-[280px]">
        <HighlightedMemo memo={tx?.memo} ids={e ?? {}} />
      </Table.Cell>
      <Table.Cell className="whitespace-nowrap">
        {e ? (
          <Link
            to={`/orders/${e.order_id}`}
            className="text-ui-fg-interactive hover:underline"
          >
            #{e.order_number}
          </Link>
        ) : (
          "—"
        )}
        {e && (
          <div className="text-ui-fg-muted txt-compact-xsmall">
            {t("bankTransfer.inbox.remaining", {
              amount: money(e.amount_remaining, e.currency_code),
            })}
          </div>
        )}
      </Table.Cell>
      <Table.Cell className="max-w-[280px]">
        <Badge size="2xsmall" className="mb-1">
          {t("bankTransfer.suggestions.score", {
            score: number(Math.round(s.score)),
          })}
        </Badge>
        <ul
          className="txt-compact-xsmall text-ui-fg-subtle"
          data-testid="bt-inbox-reasons"
        >
          {(s.reasons ?? []).map((r, i) => (
            <li key={i}>{reasonText(r, t, lang)}</li>
          ))}
        </ul>
      </Table.Cell>
      <Table.Cell className="text-right">
        {s.status === "pending" ? (
          <div className="flex justify-end gap-x-2">
            <Button
              size="small"
              variant="secondary"
              disabled={busy}
              onClick={() => setRejecting(true)}
              data-testid="bt-inbox-reject"
            >
              {t("bankTransfer.actions.notThisTransaction")}
            </Button>
            <Button
              size="small"
              disabled={busy}
              isLoading={confirm.isPending}
              data-testid="bt-inbox-confirm"
              onClick={() =>
                confirm.mutate(
                  { id: s.id },
                  {
                    onSuccess: () =>
                      toast.success(
                        t("bankTransfer.inbox.applied", {
                          order: e?.order_number ?? "",
                        })
                      ),
                  }
                )
              }
            >
              {t("bankTransfer.actions.confirm")}
            </Button>
          </div>
        ) : (
          <SuggestionStatusBadge status={s.status} />
        )}
        <ReasonPrompt
          open={rejecting}
          onOpenChange={setRejecting}
          title={t("bankTransfer.suggestions.rejectTitle")}
          description={t("bankTransfer.suggestions.rejectDescription")}
          confirmText={t("bankTransfer.actions.notThisTransaction")}
          onConfirm={(reason) =>
            reject
              .mutateAsync({ id: s.id, reason: reason || undefined })
              .then(() => toast.success(t("bankTransfer.suggestions.rejected")))
          }
        />
      </Table.Cell>
    </Table.Row>
  )
}
