import { Button, Table, Text, toast } from "@medusajs/ui"
import { ArrowPath } from "@medusajs/icons"
import { useState } from "react"
import { useNeedsAttention, useShopTimeZone } from "../../hooks/queries"
import { useRetryMatching } from "../../hooks/mutations"
import { errorMessage, isMissingRoute } from "../../lib/errors"
import { useI18n } from "../../hooks/use-i18n"
import { sourceLabel, transactionStatus } from "../../lib/status"
import type { BankTransaction } from "../../../types/http"
import { OffsetPagination } from "../common/offset-pagination"

const PAGE = 20

/**
 * Transfers whose matching failed again and again (an error, not "no order found"): the matcher
 * stopped retrying them after five runs and left them here with the last error, for a person to
 * look at and retry once the cause is fixed.
 */
export function NeedsAttentionTab() {
  const { t } = useI18n()
  const [offset, setOffset] = useState(0)
  const { data, isLoading, isError, error } = useNeedsAttention({
    limit: PAGE,
    offset,
  })
  const timeZone = useShopTimeZone()
  const rows = data?.transactions ?? []
  const count = data?.count ?? 0

  return (
    <div className="flex flex-col gap-y-4" data-testid="bt-attention-tab">
      <Text size="small" className="text-ui-fg-subtle px-6">
        {t("bankTransfer.attention.hint")}
      </Text>
      {isError ? (
        <Text
          size="small"
          className={
            isMissingRoute(error)
              ? "text-ui-fg-muted px-6"
              : "text-ui-fg-error px-6"
          }
        >
          {isMissingRoute(error)
            ? t("bankTransfer.attention.notAvailable")
            : t("bankTransfer.incoming.loadError", {
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
                  {t("bankTransfer.common.source")}
                </Table.HeaderCell>
                <Table.HeaderCell>
                  {t("bankTransfer.attention.error")}
                </Table.HeaderCell>
                <Table.HeaderCell>
                  {t("bankTransfer.attention.parked")}
                </Table.HeaderCell>
                <Table.HeaderCell />
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rows.map((tx) => (
                <AttentionRow key={tx.id} tx={tx} timeZone={timeZone} />
              ))}
            </Table.Body>
          </Table>
          {!rows.length && (
            <Text
              size="small"
              className="text-ui-fg-muted px-6 py-6"
              data-testid="bt-attention-empty"
            >
              {isLoading
                ? t("bankTransfer.common.loading")
                : t("bankTransfer.attention.empty")}
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

function AttentionRow({
  tx,
  timeZone,
}: {
  tx: BankTransaction
  timeZone?: string
}) {
  const { t, money, dateTime } = useI18n()
  const retry = useRetryMatching()
  return (
    <Table.Row data-testid="bt-attention-row" data-transaction-id={tx.id}>
      <Table.Cell className="whitespace-nowrap">
        {dateTime(tx.booked_at, timeZone)}
      </Table.Cell>
      <Table.Cell className="whitespace-nowrap text-right">
        {tx.direction === "out" ? "−" : ""}
        {money(tx.amount, tx.currency_code)}
      </Table.Cell>
      <Table.Cell className="max-w-[260px]">
        <span className="break-all font-mono">{tx.memo || "—"}</span>
      </Table.Cell>
      <Table.Cell className="text-ui-fg-subtle">
        {sourceLabel(tx.source, t)}
      </Table.Cell>
      <Table.Cell className="max-w-[360px]">
        <span
          className="text-ui-fg-error txt-compact-small break-words"
          data-testid="bt-attention-error"
        >
          {tx.match_error || t("bankTransfer.attention.noMessage")}
        </span>
        <div className="text-ui-fg-muted txt-compact-xsmall">
          {t("bankTransfer.attention.failedRuns", {
            count: tx.match_attempts ?? 0,
          })}
        </div>
      </Table.Cell>
      <Table.Cell className="whitespace-nowrap">
        {dateTime(tx.needs_attention_at, timeZone)}
      </Table.Cell>
      <Table.Cell className="text-right">
        <Button
          size="small"
          variant="secondary"
          isLoading={retry.isPending}
          disabled={retry.isPending}
          data-testid="bt-attention-retry"
          // mutateAsync, not mutate's callbacks: the refetch after success removes this row (it is
          // no longer parked) before mutate's onSuccess would run, and an unmounted row's never does.
          onClick={() =>
            retry
              .mutateAsync({ id: tx.id })
              .then((res) =>
                toast.success(
                  t("bankTransfer.attention.ranAgain", {
                    status: transactionStatus(res.transaction.status, t).label,
                  })
                )
              )
              .catch(() => {
                // The server's message is already a toast (useAction).
              })
          }
        >
          <ArrowPath />
          {t("bankTransfer.actions.retryMatching")}
        </Button>
      </Table.Cell>
    </Table.Row>
  )
}
