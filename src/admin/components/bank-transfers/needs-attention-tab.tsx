import { Button, Table, Text, toast } from "@medusajs/ui"
import { ArrowPath } from "@medusajs/icons"
import { useState } from "react"
import { useNeedsAttention, useShopTimeZone } from "../../hooks/queries"
import { useRetryMatching } from "../../hooks/mutations"
import { formatMoney } from "../../lib/money"
import { formatDateTime } from "../../lib/dates"
import { errorMessage, isMissingRoute } from "../../lib/errors"
import { sourceLabel, transactionStatus } from "../../lib/status"
import type { BankTransaction } from "../../../types/http"

const PAGE = 20

/**
 * Transfers whose matching failed again and again (an error, not "no order found"): the matcher
 * stopped retrying them after five runs and left them here with the last error, for a person to
 * look at and retry once the cause is fixed.
 */
export function NeedsAttentionTab() {
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
        Matching these transfers failed with an error five times in a row, so it
        is not retried on its own any more. Fix the cause (the error says what
        went wrong), then retry.
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
            ? "This list is not available on this server yet."
            : `Could not load transactions: ${errorMessage(error)}`}
        </Text>
      ) : (
        <div className="overflow-x-auto border-t">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Booked</Table.HeaderCell>
                <Table.HeaderCell className="text-right">
                  Amount
                </Table.HeaderCell>
                <Table.HeaderCell>Memo</Table.HeaderCell>
                <Table.HeaderCell>Source</Table.HeaderCell>
                <Table.HeaderCell>Error</Table.HeaderCell>
                <Table.HeaderCell>Parked</Table.HeaderCell>
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
                ? "Loading…"
                : "Nothing needs attention: every transfer was matched or is waiting in the queues."}
            </Text>
          )}
          <Table.Pagination
            count={count}
            pageSize={PAGE}
            pageIndex={Math.floor(offset / PAGE)}
            pageCount={Math.max(1, Math.ceil(count / PAGE))}
            canPreviousPage={offset > 0}
            canNextPage={offset + PAGE < count}
            previousPage={() => setOffset(Math.max(0, offset - PAGE))}
            nextPage={() => setOffset(offset + PAGE)}
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
  const retry = useRetryMatching()
  return (
    <Table.Row data-testid="bt-attention-row" data-transaction-id={tx.id}>
      <Table.Cell className="whitespace-nowrap">
        {formatDateTime(tx.booked_at, timeZone)}
      </Table.Cell>
      <Table.Cell className="whitespace-nowrap text-right">
        {tx.direction === "out" ? "−" : ""}
        {formatMoney(tx.amount, tx.currency_code)}
      </Table.Cell>
      <Table.Cell className="max-w-[260px]">
        <span className="break-all font-mono">{tx.memo || "—"}</span>
      </Table.Cell>
      <Table.Cell className="text-ui-fg-subtle">
        {sourceLabel(tx.source)}
      </Table.Cell>
      <Table.Cell className="max-w-[360px]">
        <span
          className="text-ui-fg-error txt-compact-small break-words"
          data-testid="bt-attention-error"
        >
          {tx.match_error || "(no message)"}
        </span>
        <div className="text-ui-fg-muted txt-compact-xsmall">
          {tx.match_attempts ?? 0} failed run
          {tx.match_attempts === 1 ? "" : "s"}
        </div>
      </Table.Cell>
      <Table.Cell className="whitespace-nowrap">
        {formatDateTime(tx.needs_attention_at, timeZone)}
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
                  `Matching ran again: now ${transactionStatus(res.transaction.status).label}`
                )
              )
              .catch(() => {
                // The server's message is already a toast (useAction).
              })
          }
        >
          <ArrowPath />
          Retry matching
        </Button>
      </Table.Cell>
    </Table.Row>
  )
}
