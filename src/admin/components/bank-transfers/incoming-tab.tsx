import { Button, Table, Text } from "@medusajs/ui"
import { ArrowDownTray } from "@medusajs/icons"
import { useEffect, useMemo, useState } from "react"
import { useSearchParams } from "react-router-dom"
import { TransactionFilterBar } from "../common/transaction-filter-bar"
import { TransactionStatusBadge } from "../common/badges"
import { TransactionRowActions } from "./transaction-row-actions"
import { MatchOrderDrawer } from "./match-order-drawer"
import { TransactionReportsDrawer } from "./transaction-reports-drawer"
import { TransactionDetailDrawer } from "./transaction-detail-drawer"
import { ExportDrawer } from "./export-drawer"
import { useShopTimeZone, useTransactions } from "../../hooks/queries"
import { useDebounced } from "../../hooks/use-debounced"
import {
  emptyFilters,
  filtersFromParams,
  filtersToParams,
  toQuery,
  type FilterState,
} from "../../lib/filters"
import { compareAmounts } from "../../lib/money"
import { errorMessage } from "../../lib/errors"
import { useI18n } from "../../hooks/use-i18n"
import { sourceLabel, transactionStatus } from "../../lib/status"
import type { BankTransaction } from "../../../types/http"
import type { LedgerTransaction } from "../../../types/ledger"
import { OffsetPagination } from "../common/offset-pagination"

const PAGE = 20

/**
 * The ledger of money in (and out): filterable and paginated. `queue` is the unmatched queue:
 * incoming money nobody has placed yet, oldest problems first in the accountant's mind, newest
 * first on screen like every Medusa list. The filters live in the URL (like the tab), so a link or a
 * reload shows the same list; a row opens the movement's story (TransactionDetailDrawer).
 */
export function IncomingTab({ queue = false }: { queue?: boolean }) {
  const { t, money, dateTime } = useI18n()
  const defaults = useMemo(
    () => emptyFilters(queue ? { status: "unmatched", direction: "in" } : {}),
    [queue]
  )
  const [params, setParams] = useSearchParams()
  const filters = useMemo(() => {
    const f = filtersFromParams(params, defaults)
    // The queue is the unmatched incoming money, whatever the URL says.
    return queue ? { ...f, status: "unmatched", direction: "in" } : f
  }, [params, defaults, queue])
  const setFilters = (next: FilterState) =>
    setParams((p) => filtersToParams(p, next, defaults), { replace: true })
  const [offset, setOffset] = useState(0)
  const [matching, setMatching] = useState<BankTransaction | null>(null)
  const [reports, setReports] = useState<BankTransaction | null>(null)
  const [detail, setDetail] = useState<BankTransaction | null>(null)
  const [exporting, setExporting] = useState(false)
  const timeZone = useShopTimeZone()
  const debounced = useDebounced(filters)
  useEffect(() => setOffset(0), [debounced])
  const query = useMemo(
    () => toQuery(debounced, PAGE, offset),
    [debounced, offset]
  )
  const { data, isLoading, isError, error } = useTransactions(query)
  const rows = (data?.transactions ?? []) as LedgerTransaction[]
  const count = data?.count ?? 0

  return (
    <div
      className="flex flex-col gap-y-4"
      data-testid={queue ? "bt-unmatched-tab" : "bt-incoming-tab"}
    >
      <div className="flex flex-col gap-y-3 px-6">
        <TransactionFilterBar
          value={filters}
          onChange={setFilters}
          showStatus={!queue}
          showDirection={!queue}
          showAccount
        />
        {!queue && (
          <div className="flex justify-end">
            <Button
              size="small"
              variant="secondary"
              onClick={() => setExporting(true)}
              data-testid="bt-export-open"
            >
              <ArrowDownTray />
              {t("bankTransfer.ledger.export")}
            </Button>
          </div>
        )}
      </div>
      {isError ? (
        <Text size="small" className="text-ui-fg-error px-6">
          {t("bankTransfer.incoming.loadError", {
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
                  {t("bankTransfer.common.from")}
                </Table.HeaderCell>
                <Table.HeaderCell>
                  {t("bankTransfer.common.source")}
                </Table.HeaderCell>
                <Table.HeaderCell>
                  {t("bankTransfer.common.status")}
                </Table.HeaderCell>
                <Table.HeaderCell />
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rows.map((tx) => (
                <Table.Row
                  key={tx.id}
                  data-testid="bt-tx-row"
                  data-transaction-id={tx.id}
                  data-status={tx.status}
                  className="cursor-pointer"
                  tabIndex={0}
                  onClick={() => setDetail(tx)}
                  onKeyDown={(e) => {
                    if (e.key === "Enter" && e.target === e.currentTarget) {
                      setDetail(tx)
                    }
                  }}
                >
                  <Table.Cell className="whitespace-nowrap">
                    {dateTime(tx.booked_at, timeZone)}
                  </Table.Cell>
                  <Table.Cell className="whitespace-nowrap text-right">
                    {tx.direction === "out" ? "−" : ""}
                    {money(tx.amount, tx.currency_code)}
                    {compareAmounts(tx.amount_allocated, 0) > 0 &&
                      compareAmounts(tx.amount_allocated, tx.amount) < 0 && (
                        <div className="text-ui-fg-muted txt-compact-xsmall">
                          {t("bankTransfer.incoming.applied", {
                            amount: money(
                              tx.amount_allocated,
                              tx.currency_code
                            ),
                          })}
                        </div>
                      )}
                  </Table.Cell>
                  <Table.Cell className="max-w-[320px]">
                    <span
                      className="break-all font-mono"
                      data-testid="bt-tx-memo"
                    >
                      {tx.memo || "—"}
                    </span>
                  </Table.Cell>
                  <Table.Cell className="max-w-[200px] truncate">
                    {tx.counterparty_name ?? "—"}
                  </Table.Cell>
                  <Table.Cell className="text-ui-fg-subtle">
                    {sourceLabel(tx.source, t)}
                  </Table.Cell>
                  <Table.Cell data-testid="bt-tx-status">
                    {tx.orders?.length ? (
                      <TransactionStatusBadge
                        status={tx.status}
                        label={t("bankTransfer.ledger.statusOrders", {
                          status: transactionStatus(tx.status, t).label,
                          orders: tx.orders
                            .map((o) => `#${o.display_id}`)
                            .join(", "),
                        })}
                      />
                    ) : (
                      <TransactionStatusBadge status={tx.status} />
                    )}
                  </Table.Cell>
                  <Table.Cell
                    className="text-right"
                    // The menu's clicks (its items render in a portal) must not open the row's drawer.
                    onClick={(e) => e.stopPropagation()}
                    onKeyDown={(e) => e.stopPropagation()}
                  >
                    <TransactionRowActions
                      tx={tx}
                      onMatch={setMatching}
                      onReports={setReports}
                    />
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          {!rows.length && (
            <Text
              size="small"
              className="text-ui-fg-muted px-6 py-6"
              data-testid="bt-tx-empty"
            >
              {isLoading
                ? t("bankTransfer.common.loading")
                : queue
                  ? t("bankTransfer.incoming.emptyQueue")
                  : t("bankTransfer.incoming.empty")}
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
      <MatchOrderDrawer
        transaction={matching}
        onClose={() => setMatching(null)}
      />
      <TransactionReportsDrawer
        transaction={reports}
        onClose={() => setReports(null)}
      />
      <TransactionDetailDrawer
        transaction={detail}
        onClose={() => setDetail(null)}
      />
      <ExportDrawer open={exporting} onOpenChange={setExporting} />
    </div>
  )
}
