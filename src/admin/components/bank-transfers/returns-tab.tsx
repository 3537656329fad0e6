import { Badge, Button, Drawer, Switch, Label, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link, useSearchParams } from "react-router-dom"
import { useI18n } from "../../hooks/use-i18n"
import { returnCause, returnState } from "../../lib/returns"
import {
  useKeepForCustomer,
  useMatchReturn,
  useOutgoingCandidates,
  useReturns,
} from "../../hooks/returns"
import { errorMessage, isMissingRoute } from "../../lib/errors"
import { ReasonPrompt } from "../common/reason-prompt"
import { ReturnRefundModal } from "./return-refund-modal"
import { ReturnTransfer } from "./return-transfer"
import type { ReturnItemView } from "../../../types/http"
import { OffsetPagination } from "../common/offset-pagination"

const PAGE = 20
const ALL_STATES = [
  "open",
  "refund_recorded",
  "closed",
  "kept_for_customer",
  "withdrawn",
]

const STATE_COLOR: Record<string, "orange" | "blue" | "green" | "grey"> = {
  open: "orange",
  refund_recorded: "blue",
  closed: "green",
  kept_for_customer: "green",
  withdrawn: "grey",
}

/**
 * Money to return: each item with its cause, order, amount, payer and state, and what the
 * accountant does next — record the refund (then transfer it back with the VietQR), keep it for
 * the customer, or match the outgoing transfer by hand when the automatic rule could not. An item
 * named in the URL (`?tab=returns&item=…`, the order widget's link) is highlighted.
 */
export function ReturnsTab() {
  const { t } = useI18n()
  const [params] = useSearchParams()
  const [offset, setOffset] = useState(0)
  const [all, setAll] = useState(false)
  const [refunding, setRefunding] = useState<ReturnItemView | null>(null)
  const [keeping, setKeeping] = useState<ReturnItemView | null>(null)
  const [matching, setMatching] = useState<ReturnItemView | null>(null)
  const [showing, setShowing] = useState<ReturnItemView | null>(null)
  const keep = useKeepForCustomer()
  const { data, isLoading, isError, error } = useReturns({
    ...(all ? { state: ALL_STATES } : {}),
    limit: PAGE,
    offset,
  })
  const rows = data?.return_items ?? []
  const count = data?.count ?? 0
  const highlighted = params.get("item")
  return (
    <div className="flex flex-col gap-y-4" data-testid="bt-returns">
      <div className="flex flex-wrap items-center justify-between gap-3 px-6">
        <Text size="small" className="text-ui-fg-subtle max-w-[720px]">
          {t("bankTransfer.returns.hint")}
        </Text>
        <div className="flex items-center gap-x-2">
          <Switch
            id="bt-returns-all"
            checked={all}
            onCheckedChange={(v) => {
              setAll(v)
              setOffset(0)
            }}
            data-testid="bt-returns-all"
          />
          <Label htmlFor="bt-returns-all" size="small">
            {t("bankTransfer.returns.showDecided")}
          </Label>
        </div>
      </div>
      {isError ? (
        <Text size="small" className="text-ui-fg-error px-6">
          {isMissingRoute(error)
            ? t("bankTransfer.desk.notAvailable")
            : t("bankTransfer.desk.loadError", {
                message: errorMessage(error, t),
              })}
        </Text>
      ) : (
        <div className="overflow-x-auto border-t">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>
                  {t("bankTransfer.returns.cause")}
                </Table.HeaderCell>
                <Table.HeaderCell>
                  {t("bankTransfer.returns.order")}
                </Table.HeaderCell>
                <Table.HeaderCell className="text-right">
                  {t("bankTransfer.returns.amount")}
                </Table.HeaderCell>
                <Table.HeaderCell>
                  {t("bankTransfer.returns.payer")}
                </Table.HeaderCell>
                <Table.HeaderCell>
                  {t("bankTransfer.returns.state")}
                </Table.HeaderCell>
                <Table.HeaderCell className="text-right">
                  {t("bankTransfer.returns.actions")}
                </Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rows.map((item) => (
                <ReturnRow
                  key={item.id}
                  item={item}
                  highlighted={item.id === highlighted}
                  onRefund={() => setRefunding(item)}
                  onKeep={() => setKeeping(item)}
                  onMatch={() => setMatching(item)}
                  onShow={() => setShowing(item)}
                />
              ))}
            </Table.Body>
          </Table>
          {!rows.length && (
            <Text
              size="small"
              className="text-ui-fg-muted px-6 py-6"
              data-testid="bt-returns-empty"
            >
              {isLoading
                ? t("bankTransfer.common.loading")
                : t("bankTransfer.returns.empty")}
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
      <ReturnRefundModal item={refunding} onClose={() => setRefunding(null)} />
      <KeepPrompt
        item={keeping}
        onClose={() => setKeeping(null)}
        keep={keep.mutateAsync}
      />
      <MatchDrawer item={matching} onClose={() => setMatching(null)} />
      <Drawer open={!!showing} onOpenChange={(o) => !o && setShowing(null)}>
        <Drawer.Content data-testid="bt-return-transfer-drawer">
          <Drawer.Header>
            <Drawer.Title>
              {t("bankTransfer.returns.transferTitle")}
            </Drawer.Title>
          </Drawer.Header>
          <Drawer.Body>
            {showing && <ReturnTransfer item={showing} />}
          </Drawer.Body>
        </Drawer.Content>
      </Drawer>
    </div>
  )
}

function ReturnRow({
  item,
  highlighted,
  onRefund,
  onKeep,
  onMatch,
  onShow,
}: {
  item: ReturnItemView
  highlighted: boolean
  onRefund: () => void
  onKeep: () => void
  onMatch: () => void
  onShow: () => void
}) {
  const { t, money } = useI18n()
  return (
    <Table.Row
      data-testid="bt-return-row"
      data-return-id={item.id}
      data-state={item.state}
      className={highlighted ? "bg-ui-bg-highlight" : undefined}
    >
      <Table.Cell className="whitespace-nowrap">
        {returnCause(item.cause, t)}
      </Table.Cell>
      <Table.Cell className="whitespace-nowrap">
        {item.order_id ? (
          <Link
            to={`/orders/${item.order_id}`}
            className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover"
            data-testid="bt-return-order-link"
          >
            #{item.order_number ?? item.order_id}
          </Link>
        ) : (
          <span className="text-ui-fg-muted">
            {t("bankTransfer.returns.noOrder")}
          </span>
        )}
      </Table.Cell>
      <Table.Cell
        className="whitespace-nowrap text-right"
        data-testid="bt-return-amount-cell"
      >
        {money(item.amount, item.currency_code)}
      </Table.Cell>
      <Table.Cell className="max-w-[240px]">
        {item.payer_account ? (
          <>
            <div className="truncate">{item.payer_name ?? "—"}</div>
            <div className="text-ui-fg-muted txt-compact-xsmall truncate">
              {[item.payer_bank_bin, item.payer_account]
                .filter(Boolean)
                .join(" · ")}
            </div>
          </>
        ) : (
          <span className="text-ui-fg-muted">
            {item.payer_name ?? t("bankTransfer.returns.unknownPayer")}
          </span>
        )}
      </Table.Cell>
      <Table.Cell>
        <Badge
          size="2xsmall"
          color={STATE_COLOR[item.state] ?? "grey"}
          data-testid="bt-return-state"
        >
          {returnState(item.state, t)}
        </Badge>
      </Table.Cell>
      <Table.Cell>
        <div className="flex justify-end gap-x-2">
          {item.state === "open" && (
            <>
              <Button
                size="small"
                variant="secondary"
                onClick={onKeep}
                data-testid="bt-return-keep"
              >
                {t("bankTransfer.returns.keep")}
              </Button>
              <Button
                size="small"
                onClick={onRefund}
                data-testid="bt-return-refund"
              >
                {t("bankTransfer.returns.recordRefund")}
              </Button>
            </>
          )}
          {item.state === "refund_recorded" && (
            <>
              {item.transfer && (
                <Button
                  size="small"
                  variant="secondary"
                  onClick={onShow}
                  data-testid="bt-return-show-transfer"
                >
                  {t("bankTransfer.returns.showTransfer")}
                </Button>
              )}
              <Button
                size="small"
                variant="secondary"
                onClick={onMatch}
                data-testid="bt-return-match"
              >
                {t("bankTransfer.returns.match")}
              </Button>
            </>
          )}
        </div>
      </Table.Cell>
    </Table.Row>
  )
}

function KeepPrompt({
  item,
  onClose,
  keep,
}: {
  item: ReturnItemView | null
  onClose: () => void
  keep: (v: { id: string; note: string }) => Promise<unknown>
}) {
  const { t, money } = useI18n()
  return (
    <ReasonPrompt
      open={!!item}
      onOpenChange={(o) => !o && onClose()}
      title={t("bankTransfer.returns.keepTitle")}
      description={
        item
          ? t("bankTransfer.returns.keepDescription", {
              amount: money(item.amount, item.currency_code),
            })
          : ""
      }
      confirmText={t("bankTransfer.returns.keepConfirm")}
      required
      variant="confirmation"
      onConfirm={(note) => keep({ id: item!.id, note })}
    />
  )
}

/** The outgoing lines of exactly the item's amount that pay no refund yet; one click matches. */
function MatchDrawer({
  item,
  onClose,
}: {
  item: ReturnItemView | null
  onClose: () => void
}) {
  const { t, money, dateTime } = useI18n()
  const candidates = useOutgoingCandidates(item)
  const match = useMatchReturn()
  const lines = candidates.data?.transactions ?? []
  return (
    <Drawer open={!!item} onOpenChange={(o) => !o && onClose()}>
      <Drawer.Content data-testid="bt-return-match-drawer">
        <Drawer.Header>
          <Drawer.Title>{t("bankTransfer.returns.matchTitle")}</Drawer.Title>
          <Drawer.Description>
            {item
              ? t("bankTransfer.returns.matchDescription", {
                  amount: money(item.amount, item.currency_code),
                })
              : ""}
          </Drawer.Description>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-3">
          {!lines.length && (
            <Text size="small" className="text-ui-fg-muted">
              {candidates.isLoading
                ? t("bankTransfer.common.loading")
                : t("bankTransfer.returns.matchNone")}
            </Text>
          )}
          {lines.map((tx) => (
            <div
              key={tx.id}
              className="flex items-center justify-between gap-x-3 rounded-md border p-3"
              data-testid="bt-return-candidate"
            >
              <div className="min-w-0">
                <Text size="small" weight="plus">
                  {money(tx.amount, tx.currency_code)} ·{" "}
                  {dateTime(tx.booked_at)}
                </Text>
                <Text size="xsmall" className="text-ui-fg-subtle truncate">
                  {[tx.counterparty_name, tx.counterparty_account, tx.memo]
                    .filter(Boolean)
                    .join(" · ")}
                </Text>
              </div>
              <Button
                size="small"
                isLoading={match.isPending}
                onClick={async () => {
                  const ok = await match
                    .mutateAsync({ id: item!.id, transaction_id: tx.id })
                    .catch(() => null)
                  if (ok) {
                    onClose()
                  }
                }}
                data-testid="bt-return-candidate-match"
              >
                {t("bankTransfer.returns.matchThis")}
              </Button>
            </div>
          ))}
        </Drawer.Body>
      </Drawer.Content>
    </Drawer>
  )
}
