import {
  Button,
  Checkbox,
  FocusModal,
  Heading,
  Input,
  Label,
  Switch,
  Table,
  Text,
  toast,
} from "@medusajs/ui"
import { useEffect, useMemo, useState } from "react"
import { TransactionFilterBar } from "../common/transaction-filter-bar"
import { HighlightedMemo } from "../common/highlighted-memo"
import { TransactionStatusBadge } from "../common/badges"
import { useTransactions } from "../../hooks/queries"
import { useMatchTransaction } from "../../hooks/mutations"
import { useDebounced } from "../../hooks/use-debounced"
import { emptyFilters, toQuery, type FilterState } from "../../lib/filters"
import {
  amountString,
  compareAmounts,
  isNonZero,
  minAmount,
  parseAmountInput,
  remainingAmount,
  sumAmounts,
} from "../../lib/money"
import { useI18n } from "../../hooks/use-i18n"
import { errorMessage } from "../../lib/errors"
import type { BankTransaction, Expectation } from "../../../types/http"
import { OffsetPagination } from "../common/offset-pagination"

const PAGE = 20

type Props = {
  open: boolean
  onOpenChange: (o: boolean) => void
  expectation: Expectation
}

/**
 * "The shopper says they paid, the matcher found nothing": search incoming money by date, amount
 * and text, pick one or several transactions and say how much of each goes to this order.
 */
export function FindTransactionModal({
  open,
  onOpenChange,
  expectation,
}: Props) {
  const { t, money, dateTime } = useI18n()
  const [filters, setFilters] = useState<FilterState>(() =>
    emptyFilters({ status: "unmatched" })
  )
  const [offset, setOffset] = useState(0)
  // transaction id → the amount typed for it (text, as typed)
  const [picked, setPicked] = useState<
    Record<string, { tx: BankTransaction; amount: string }>
  >({})
  const [applying, setApplying] = useState(false)
  const match = useMatchTransaction()

  useEffect(() => {
    if (open) {
      setFilters(emptyFilters({ status: "unmatched" }))
      setPicked({})
      setOffset(0)
    }
  }, [open])

  const debounced = useDebounced(filters)
  useEffect(() => setOffset(0), [debounced])
  const query = useMemo(
    () => toQuery(debounced, PAGE, offset),
    [debounced, offset]
  )
  const { data, isLoading, isError, error } = useTransactions(query, open)
  const rows = data?.transactions ?? []
  const count = data?.count ?? 0

  const remaining = amountString(expectation.amount_remaining) ?? "0"
  const pickedList = Object.values(picked)
  const total = sumAmounts(
    pickedList.map((p) => parseAmountInput(p.amount, expectation.currency_code))
  )
  const invalid = pickedList.some((p) => {
    const a = parseAmountInput(p.amount, expectation.currency_code)
    return (
      !a ||
      compareAmounts(a, remainingAmount(p.tx.amount, p.tx.amount_allocated)) > 0
    )
  })

  const toggle = (tx: BankTransaction, on: boolean) =>
    setPicked((prev) => {
      const next = { ...prev }
      if (!on) {
        delete next[tx.id]
        return next
      }
      // By default take what this order still needs, within what the transaction still holds.
      const stillNeeded = remainingAmount(
        remaining,
        sumAmounts(
          Object.values(prev).map((p) =>
            parseAmountInput(p.amount, expectation.currency_code)
          )
        )
      )
      const available = remainingAmount(tx.amount, tx.amount_allocated)
      next[tx.id] = {
        tx,
        amount: minAmount(
          available,
          isNonZero(stillNeeded) ? stillNeeded : available
        ),
      }
      return next
    })

  const apply = async () => {
    setApplying(true)
    let done = 0
    try {
      // One call per transaction; stop at the first failure (its toast says why) so that the
      // accountant sees exactly which transactions were applied.
      for (const p of pickedList) {
        await match.mutateAsync({
          transaction_id: p.tx.id,
          allocations: [
            {
              order_id: expectation.order_id,
              amount: parseAmountInput(p.amount, expectation.currency_code)!,
            },
          ],
        })
        done++
      }
      toast.success(t("bankTransfer.find.applied", { count: done }))
      onOpenChange(false)
    } catch {
      if (done) {
        toast.info(
          t("bankTransfer.find.appliedBeforeError", {
            done,
            count: pickedList.length,
          })
        )
      }
      setPicked((prev) => Object.fromEntries(Object.entries(prev).slice(done)))
    } finally {
      setApplying(false)
    }
  }

  return (
    <FocusModal open={open} onOpenChange={onOpenChange}>
      <FocusModal.Content data-testid="bt-find-modal">
        <FocusModal.Header>
          <FocusModal.Title asChild>
            <Heading level="h2" className="txt-compact-large">
              {t("bankTransfer.find.title", {
                order: expectation.order_number,
              })}
            </Heading>
          </FocusModal.Title>
        </FocusModal.Header>
        <FocusModal.Body className="flex flex-col gap-y-4 overflow-y-auto px-6 py-4">
          <FocusModal.Description asChild>
            <Text size="small" className="text-ui-fg-subtle">
              {t("bankTransfer.find.remaining")}{" "}
              <b>
                {money(expectation.amount_remaining, expectation.currency_code)}
              </b>{" "}
              · {t("bankTransfer.find.reference")}{" "}
              <span className="font-mono">{expectation.reference}</span>
            </Text>
          </FocusModal.Description>
          <TransactionFilterBar value={filters} onChange={setFilters} />
          <div className="flex items-center gap-x-2">
            <Switch
              id="bt-all-statuses"
              checked={filters.status === "all"}
              onCheckedChange={(on) =>
                setFilters({ ...filters, status: on ? "all" : "unmatched" })
              }
              data-testid="bt-all-statuses"
            />
            <Label htmlFor="bt-all-statuses" size="small">
              {t("bankTransfer.find.allStatuses")}
            </Label>
          </div>

          {isError ? (
            <Text size="small" className="text-ui-fg-error">
              {t("bankTransfer.incoming.loadError", {
                message: errorMessage(error, t),
              })}
            </Text>
          ) : (
            <div className="overflow-x-auto rounded-lg border">
              <Table>
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell className="w-8" />
                    <Table.HeaderCell>
                      {t("bankTransfer.common.booked")}
                    </Table.HeaderCell>
                    <Table.HeaderCell className="text-right">
                      {t("bankTransfer.common.amount")}
                    </Table.HeaderCell>
                    <Table.HeaderCell className="text-right">
                      {t("bankTransfer.find.available")}
                    </Table.HeaderCell>
                    <Table.HeaderCell>
                      {t("bankTransfer.common.memo")}
                    </Table.HeaderCell>
                    <Table.HeaderCell>
                      {t("bankTransfer.common.status")}
                    </Table.HeaderCell>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {rows.map((tx) => {
                    const available = remainingAmount(
                      tx.amount,
                      tx.amount_allocated
                    )
                    return (
                      <Table.Row
                        key={tx.id}
                        data-testid="bt-find-row"
                        data-transaction-id={tx.id}
                      >
                        <Table.Cell>
                          <Checkbox
                            checked={!!picked[tx.id]}
                            disabled={
                              !isNonZero(available) || tx.direction !== "in"
                            }
                            onCheckedChange={(c) => toggle(tx, c === true)}
                            aria-label={t("bankTransfer.find.pick")}
                            data-testid="bt-find-pick"
                          />
                        </Table.Cell>
                        <Table.Cell className="whitespace-nowrap">
                          {dateTime(tx.booked_at)}
                        </Table.Cell>
                        <Table.Cell className="whitespace-nowrap text-right">
                          {money(tx.amount, tx.currency_code)}
                        </Table.Cell>
                        <Table.Cell className="whitespace-nowrap text-right">
                          {money(available, tx.currency_code)}
                        </Table.Cell>
                        <Table.Cell className="max-w-[360px]">
                          <HighlightedMemo memo={tx.memo} ids={expectation} />
                          {tx.counterparty_name && (
                            <div className="text-ui-fg-muted txt-compact-xsmall">
                              {tx.counterparty_name}
                            </div>
                          )}
                        </Table.Cell>
                        <Table.Cell>
                          <TransactionStatusBadge status={tx.status} />
                        </Table.Cell>
                      </Table.Row>
                    )
                  })}
                </Table.Body>
              </Table>
              {!rows.length && (
                <Text size="small" className="text-ui-fg-muted px-6 py-4">
                  {isLoading
                    ? t("bankTransfer.common.loading")
                    : t("bankTransfer.find.empty")}
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

          {!!pickedList.length && (
            <div className="flex flex-col gap-y-2" data-testid="bt-find-picked">
              <Text size="small" weight="plus">
                {t("bankTransfer.find.amountToApply")}
              </Text>
              {pickedList.map((p) => (
                <div
                  key={p.tx.id}
                  className="grid grid-cols-[1fr_200px] items-center gap-x-4"
                >
                  <Text size="small" className="truncate">
                    {dateTime(p.tx.booked_at)} ·{" "}
                    {money(p.tx.amount, p.tx.currency_code)} ·{" "}
                    <span className="font-mono">{p.tx.memo}</span>
                  </Text>
                  <Input
                    size="small"
                    inputMode="decimal"
                    value={p.amount}
                    aria-label={t("bankTransfer.find.amountToApply")}
                    data-testid="bt-find-amount"
                    onChange={(e) =>
                      setPicked({
                        ...picked,
                        [p.tx.id]: { ...p, amount: e.target.value },
                      })
                    }
                  />
                </div>
              ))}
            </div>
          )}
        </FocusModal.Body>
        <FocusModal.Footer>
          <div className="flex w-full items-center justify-between gap-x-4">
            <Text
              size="small"
              className={
                compareAmounts(total, remaining) > 0
                  ? "text-ui-fg-error"
                  : "text-ui-fg-subtle"
              }
            >
              {pickedList.length
                ? t(
                    compareAmounts(total, remaining) > 0
                      ? "bankTransfer.find.applyingSurplus"
                      : "bankTransfer.find.applying",
                    {
                      total: money(total, expectation.currency_code),
                      remaining: money(remaining, expectation.currency_code),
                    }
                  )
                : t("bankTransfer.find.pickSome")}
            </Text>
            <div className="flex gap-x-2">
              <FocusModal.Close asChild>
                <Button size="small" variant="secondary">
                  {t("bankTransfer.actions.cancel")}
                </Button>
              </FocusModal.Close>
              <Button
                size="small"
                disabled={!pickedList.length || invalid || applying}
                isLoading={applying}
                onClick={apply}
                data-testid="bt-find-apply"
              >
                {t("bankTransfer.find.apply")}
              </Button>
            </div>
          </div>
        </FocusModal.Footer>
      </FocusModal.Content>
    </FocusModal>
  )
}
