import { Button, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link, useSearchParams } from "react-router-dom"
import { useWaitingOrders } from "../../hooks/desk"
import { useShopTimeZone } from "../../hooks/queries"
import { useI18n } from "../../hooks/use-i18n"
import { errorMessage, isMissingRoute } from "../../lib/errors"
import { ExpectationStatusBadge } from "../common/badges"
import type { WaitingOrder } from "../../../types/desk"
import { OffsetPagination } from "../common/offset-pagination"

const PAGE = 20

type Kind = "confirmed" | "awaiting" | "attention"

/**
 * A list of orders waiting for their money, one of three:
 * - `confirmed`: shoppers who say they paid, longest wait first, with how many proof files they
 *   sent (the files themselves are on the order page, where the money is found and applied);
 * - `awaiting`: every open order, oldest first, narrowed to an age bucket of the overview by the
 *   URL (`currency`, `placed_from`, `placed_before`);
 * - `attention`: orders whose capture Medusa refused, with Medusa's reason.
 * Each order number opens Medusa's order page.
 */
export function WaitingOrdersList({ kind }: { kind: Kind }) {
  const { t, dateTime } = useI18n()
  const [params, setParams] = useSearchParams()
  const [offset, setOffset] = useState(0)
  const timeZone = useShopTimeZone()
  const filter =
    kind === "awaiting"
      ? {
          currency_code: params.get("currency") ?? undefined,
          placed_from: params.get("placed_from") ?? undefined,
          placed_before: params.get("placed_before") ?? undefined,
        }
      : {}
  const filtered = Object.values(filter).some(Boolean)
  const { data, isLoading, isError, error } = useWaitingOrders({
    status:
      kind === "confirmed"
        ? "customer_confirmed"
        : kind === "attention"
          ? "needs_attention"
          : "open",
    ...filter,
    limit: PAGE,
    offset,
  })
  /** What the filter from the overview's bucket means, in words. */
  const filterText = () => {
    const currency = filter.currency_code ?? ""
    const from = filter.placed_from && dateTime(filter.placed_from, timeZone)
    const before =
      filter.placed_before && dateTime(filter.placed_before, timeZone)
    if (from && before) {
      return t("bankTransfer.desk.placedBetween", { currency, from, before })
    }
    if (from) {
      return t("bankTransfer.desk.placedSince", { currency, from })
    }
    if (before) {
      return t("bankTransfer.desk.placedUntil", { currency, before })
    }
    return t("bankTransfer.desk.allCurrency", { currency })
  }
  const rows = data?.orders ?? []
  const count = data?.count ?? 0
  // The attention tab shows its orders above its transactions only when there are any.
  if (kind === "attention" && !count && !isError) {
    return null
  }

  return (
    <div className="flex flex-col gap-y-4" data-testid={`bt-${kind}-orders`}>
      <Text size="small" className="text-ui-fg-subtle px-6">
        {kind === "confirmed"
          ? t("bankTransfer.desk.confirmedHint")
          : kind === "attention"
            ? t("bankTransfer.desk.attentionOrdersHint")
            : t("bankTransfer.desk.awaitingHint")}
      </Text>
      {kind === "awaiting" && filtered && (
        <div
          className="flex flex-wrap items-center gap-2 px-6"
          data-testid="bt-awaiting-filter"
        >
          <Text size="small">{filterText()}</Text>
          <Button
            size="small"
            variant="secondary"
            onClick={() => {
              setOffset(0)
              setParams({ tab: "awaiting" }, { replace: true })
            }}
          >
            {t("bankTransfer.desk.showAll")}
          </Button>
        </div>
      )}
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
                  {t("bankTransfer.desk.order")}
                </Table.HeaderCell>
                <Table.HeaderCell>
                  {t("bankTransfer.desk.customer")}
                </Table.HeaderCell>
                <Table.HeaderCell className="text-right">
                  {t("bankTransfer.desk.due")}
                </Table.HeaderCell>
                <Table.HeaderCell className="text-right">
                  {t("bankTransfer.desk.remaining")}
                </Table.HeaderCell>
                <Table.HeaderCell>
                  {kind === "confirmed"
                    ? t("bankTransfer.desk.confirmedAt")
                    : t("bankTransfer.desk.placedAt")}
                </Table.HeaderCell>
                <Table.HeaderCell>
                  {kind === "confirmed"
                    ? t("bankTransfer.desk.proofs")
                    : kind === "attention"
                      ? t("bankTransfer.desk.reason")
                      : t("bankTransfer.desk.status")}
                </Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rows.map((o) => (
                <WaitingOrderRow
                  key={o.id}
                  order={o}
                  kind={kind}
                  timeZone={timeZone}
                />
              ))}
            </Table.Body>
          </Table>
          {!rows.length && (
            <Text
              size="small"
              className="text-ui-fg-muted px-6 py-6"
              data-testid={`bt-${kind}-empty`}
            >
              {isLoading
                ? t("bankTransfer.common.loading")
                : kind === "confirmed"
                  ? t("bankTransfer.desk.confirmedEmpty")
                  : t("bankTransfer.desk.awaitingEmpty")}
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

function WaitingOrderRow({
  order: o,
  kind,
  timeZone,
}: {
  order: WaitingOrder
  kind: Kind
  timeZone?: string
}) {
  const { t, money, dateTime, number } = useI18n()
  const who = [o.customer.name, o.customer.company_name]
    .filter(Boolean)
    .join(" · ")
  return (
    <Table.Row data-testid={`bt-${kind}-row`} data-order-id={o.order_id}>
      <Table.Cell className="whitespace-nowrap">
        <Link
          to={`/orders/${o.order_id}`}
          className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover"
          data-testid="bt-waiting-order-link"
        >
          #{o.order_number}
        </Link>
      </Table.Cell>
      <Table.Cell className="max-w-[260px]">
        <div className="truncate">{who || o.customer.email || "—"}</div>
        {who && o.customer.email && (
          <div className="text-ui-fg-muted txt-compact-xsmall truncate">
            {o.customer.email}
          </div>
        )}
      </Table.Cell>
      <Table.Cell className="whitespace-nowrap text-right">
        {money(o.amount_due, o.currency_code)}
      </Table.Cell>
      <Table.Cell
        className="whitespace-nowrap text-right"
        data-testid="bt-waiting-remaining"
      >
        {money(o.amount_remaining, o.currency_code)}
      </Table.Cell>
      <Table.Cell className="whitespace-nowrap">
        {dateTime(
          kind === "confirmed" ? o.confirmed_at : o.placed_at,
          timeZone
        )}
      </Table.Cell>
      <Table.Cell>
        {kind === "confirmed" ? (
          <span data-testid="bt-waiting-proofs">
            {o.proof_files
              ? t("bankTransfer.desk.proofFiles", {
                  files: number(o.proof_files),
                })
              : t("bankTransfer.desk.noProof")}
          </span>
        ) : kind === "attention" ? (
          <span className="text-ui-fg-error txt-compact-small break-words">
            {o.attention_reason || t("bankTransfer.desk.noReason")}
          </span>
        ) : (
          <ExpectationStatusBadge status={o.status} />
        )}
      </Table.Cell>
    </Table.Row>
  )
}
