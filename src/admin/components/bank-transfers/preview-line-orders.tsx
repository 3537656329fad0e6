import { Badge } from "@medusajs/ui"
import { Fragment } from "react"
import { Link } from "react-router-dom"
import { useI18n } from "../../hooks/use-i18n"
import type { ImportLine } from "../../../types/http"

/** "#1042", linked to the order. */
function OrderLink({ id, display }: { id: string; display: number }) {
  return (
    <Link
      to={`/orders/${id}`}
      className="text-ui-fg-interactive hover:underline"
    >
      #{display}
    </Link>
  )
}

/** Links to the orders, separated by commas. */
function OrderLinks({
  orders,
}: {
  orders: { order_id: string; display_id: number }[]
}) {
  return (
    <>
      {orders.map((o, i) => (
        <Fragment key={o.order_id}>
          {i > 0 && ", "}
          <OrderLink id={o.order_id} display={o.display_id} />
        </Fragment>
      ))}
    </>
  )
}

/**
 * What a new line of a statement would do, naming its orders: "Will be applied to order #1042",
 * "Will be suggested for #1043, #1044", and, when it pays more than the order still awaits, the
 * surplus it leaves.
 */
export function PreviewLineOrders({
  line,
  currency,
}: {
  line: ImportLine
  currency?: string
}) {
  const { t, money } = useI18n()
  const apply = line.outcome === "apply" && !!line.orders?.length
  const orders = apply ? line.orders! : (line.suggested_orders ?? [])
  const over = line.overpayment
  return (
    <div
      className="text-ui-fg-muted txt-compact-xsmall flex flex-col gap-y-1"
      data-testid="bt-import-line-orders"
    >
      <span>
        {apply
          ? t("bankTransfer.previewOrders.appliedTo")
          : t("bankTransfer.previewOrders.suggestedFor")}{" "}
        <OrderLinks orders={orders} />
      </span>
      {over && (
        <Badge
          size="2xsmall"
          color="red"
          className="self-start whitespace-normal"
          data-testid="bt-import-overpayment"
        >
          {apply
            ? t("bankTransfer.previewOrders.overpays", {
                order: over.display_id,
                surplus: money(over.surplus, currency),
              })
            : t("bankTransfer.previewOrders.wouldOverpay", {
                order: over.display_id,
                surplus: money(over.surplus, currency),
              })}
        </Badge>
      )}
    </div>
  )
}
