import {
  Button,
  Drawer,
  IconButton,
  Input,
  Label,
  Text,
  toast,
} from "@medusajs/ui"
import { Plus, Trash } from "@medusajs/icons"
import { useEffect, useState } from "react"
import { HighlightedMemo } from "../common/highlighted-memo"
import { useMatchTransaction } from "../../hooks/mutations"
import { findOrder } from "../../lib/orders"
import { API, get } from "../../lib/sdk"
import { errorMessage } from "../../lib/errors"
import {
  compareAmounts,
  minAmount,
  parseAmountInput,
  remainingAmount,
  sumAmounts,
} from "../../lib/money"
import { useI18n } from "../../hooks/use-i18n"
import { MatchCandidates } from "./match-candidates"
import type {
  Amount,
  BankTransaction,
  MatchCandidate,
  OrderTransfer,
} from "../../../types/http"

/** What a row shows of the order's expectation (a looked-up expectation, or a chosen candidate). */
type RowExpectation = {
  reference: string
  amount_remaining: Amount
  currency_code: string
  order_number?: string | null
  tax_code?: string | null
  phone?: string | null
}

type Row = {
  input: string
  amount: string
  looking?: boolean
  error?: string
  order?: { id: string; display_id: number }
  expectation?: RowExpectation
}

const emptyRow = (): Row => ({ input: "", amount: "" })

/**
 * Applies one incoming transaction to one or several orders by hand (one transfer paying several
 * orders is common for businesses). The candidates come first (open orders ranked by the matcher's
 * evidence, searchable by customer): selecting one fills an allocation row. An order can also be
 * typed in; it is looked up first, so that the accountant sees what it still expects before money
 * is applied.
 */
export function MatchOrderDrawer({
  transaction,
  onClose,
}: {
  transaction: BankTransaction | null
  onClose: () => void
}) {
  const { t, money, dateTime } = useI18n()
  const [rows, setRows] = useState<Row[]>([emptyRow()])
  const match = useMatchTransaction()
  useEffect(() => setRows([emptyRow()]), [transaction?.id])

  if (!transaction) {
    return null
  }
  const available = remainingAmount(
    transaction.amount,
    transaction.amount_allocated
  )
  const update = (i: number, patch: Partial<Row>) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)))

  const lookUp = async (i: number) => {
    const input = rows[i].input
    if (!input.trim()) {
      return
    }
    update(i, {
      looking: true,
      error: undefined,
      order: undefined,
      expectation: undefined,
    })
    try {
      const order = await findOrder(input)
      if (!order) {
        return update(i, {
          looking: false,
          error: t("bankTransfer.match.noOrder", { input }),
        })
      }
      const transfer = await get<OrderTransfer>(`${API}/orders/${order.id}`)
      if (!transfer.expectation) {
        return update(i, {
          looking: false,
          order,
          error: t("bankTransfer.match.notBankTransfer", {
            order: order.display_id,
          }),
        })
      }
      const usedElsewhere = sumAmounts(
        rows.map((r, j) => (j === i ? null : parseAmountInput(r.amount)))
      )
      const amount = minAmount(
        remainingAmount(available, usedElsewhere),
        transfer.expectation.amount_remaining
      )
      update(i, {
        looking: false,
        order,
        expectation: transfer.expectation,
        amount: compareAmounts(amount, 0) > 0 ? amount : rows[i].amount,
      })
    } catch (e) {
      update(i, { looking: false, error: errorMessage(e, t) })
    }
  }

  /** A chosen candidate fills the first empty row (else a new one) with what it can take. */
  const select = (c: MatchCandidate) => {
    const empty = rows.findIndex((r) => !r.order && !r.input.trim())
    const i = empty >= 0 ? empty : rows.length
    const usedElsewhere = sumAmounts(
      rows.map((r, j) => (j === i ? null : parseAmountInput(r.amount)))
    )
    const amount = minAmount(
      remainingAmount(available, usedElsewhere),
      c.amount_remaining
    )
    const row: Row = {
      input: `#${c.display_id}`,
      amount: compareAmounts(amount, 0) > 0 ? amount : "",
      order: { id: c.order_id, display_id: c.display_id },
      expectation: {
        reference: c.reference,
        amount_remaining: c.amount_remaining,
        currency_code: c.currency_code,
        order_number: String(c.display_id),
        phone: c.customer.phone,
      },
    }
    setRows((rs) =>
      i < rs.length ? rs.map((r, j) => (j === i ? row : r)) : [...rs, row]
    )
  }

  const ready = rows.every(
    (r) => r.order && r.expectation && parseAmountInput(r.amount)
  )
  const total = sumAmounts(rows.map((r) => parseAmountInput(r.amount)))

  const submit = () =>
    match.mutate(
      {
        transaction_id: transaction.id,
        allocations: rows.map((r) => ({
          order_id: r.order!.id,
          amount: parseAmountInput(r.amount)!,
        })),
      },
      {
        onSuccess: () => {
          toast.success(
            rows.length === 1
              ? t("bankTransfer.match.matchedOne", {
                  order: rows[0].order!.display_id,
                })
              : t("bankTransfer.match.matchedMany", { count: rows.length })
          )
          onClose()
        },
      }
    )

  return (
    <Drawer open={!!transaction} onOpenChange={(o) => !o && onClose()}>
      <Drawer.Content data-testid="bt-match-drawer">
        <Drawer.Header>
          <Drawer.Title>{t("bankTransfer.match.title")}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
          <div className="bg-ui-bg-subtle flex flex-col gap-y-1 rounded-lg border px-4 py-3">
            <Text size="small" weight="plus">
              {money(transaction.amount, transaction.currency_code)} ·{" "}
              {dateTime(transaction.booked_at)}
            </Text>
            <Text size="small">
              <HighlightedMemo
                memo={transaction.memo}
                ids={rows[0]?.expectation ?? {}}
              />
            </Text>
            <Text size="xsmall" className="text-ui-fg-subtle">
              {t("bankTransfer.match.available", {
                amount: money(available, transaction.currency_code),
              })}
            </Text>
          </div>
          <MatchCandidates
            transactionId={transaction.id}
            selected={
              new Set(rows.flatMap((r) => (r.order ? [r.order.id] : [])))
            }
            onSelect={select}
          />
          <Text size="xsmall" weight="plus" className="text-ui-fg-subtle">
            {t("bankTransfer.candidates.allocation")}
          </Text>
          {rows.map((r, i) => (
            <div
              key={i}
              className="flex flex-col gap-y-2 rounded-lg border px-4 py-3"
              data-testid="bt-match-row"
            >
              <div className="grid grid-cols-[1fr_140px_auto] items-end gap-x-2">
                <div className="flex flex-col gap-y-1">
                  <Label
                    size="xsmall"
                    weight="plus"
                    htmlFor={`bt-match-order-${i}`}
                  >
                    {t("bankTransfer.match.orderLabel")}
                  </Label>
                  <Input
                    id={`bt-match-order-${i}`}
                    size="small"
                    placeholder={t("bankTransfer.match.orderPlaceholder")}
                    value={r.input}
                    data-testid="bt-match-order"
                    onChange={(e) =>
                      update(i, {
                        input: e.target.value,
                        order: undefined,
                        expectation: undefined,
                        error: undefined,
                      })
                    }
                    onBlur={() => !r.order && lookUp(i)}
                    onKeyDown={(e) => e.key === "Enter" && lookUp(i)}
                  />
                </div>
                <div className="flex flex-col gap-y-1">
                  <Label
                    size="xsmall"
                    weight="plus"
                    htmlFor={`bt-match-amount-${i}`}
                  >
                    {t("bankTransfer.common.amount")}
                  </Label>
                  <Input
                    id={`bt-match-amount-${i}`}
                    size="small"
                    inputMode="decimal"
                    value={r.amount}
                    data-testid="bt-match-amount"
                    onChange={(e) => update(i, { amount: e.target.value })}
                  />
                </div>
                <IconButton
                  size="small"
                  variant="transparent"
                  disabled={rows.length === 1}
                  onClick={() => setRows(rows.filter((_, j) => j !== i))}
                  aria-label={t("bankTransfer.match.removeOrder")}
                >
                  <Trash />
                </IconButton>
              </div>
              {r.looking && (
                <Text size="xsmall">{t("bankTransfer.match.lookingUp")}</Text>
              )}
              {r.error && (
                <Text size="xsmall" className="text-ui-fg-error">
                  {r.error}
                </Text>
              )}
              {r.expectation && (
                <Text
                  size="xsmall"
                  className="text-ui-fg-subtle"
                  data-testid="bt-match-found"
                >
                  {t("bankTransfer.match.found", {
                    order: r.order!.display_id,
                    reference: r.expectation.reference,
                    amount: money(
                      r.expectation.amount_remaining,
                      r.expectation.currency_code
                    ),
                  })}
                </Text>
              )}
            </div>
          ))}
          <Button
            size="small"
            variant="secondary"
            className="self-start"
            onClick={() => setRows([...rows, emptyRow()])}
          >
            <Plus />
            {t("bankTransfer.match.split")}
          </Button>
        </Drawer.Body>
        <Drawer.Footer>
          <Text
            size="small"
            className={
              compareAmounts(total, available) > 0
                ? "text-ui-fg-error mr-auto"
                : "text-ui-fg-subtle mr-auto"
            }
          >
            {t("bankTransfer.match.totalOf", {
              total: money(total, transaction.currency_code),
              available: money(available, transaction.currency_code),
            })}
          </Text>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">
              {t("bankTransfer.actions.cancel")}
            </Button>
          </Drawer.Close>
          <Button
            size="small"
            disabled={
              !ready || compareAmounts(total, available) > 0 || match.isPending
            }
            isLoading={match.isPending}
            onClick={submit}
            data-testid="bt-match-submit"
          >
            {t("bankTransfer.actions.match")}
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
