import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import { useOrderTransfer } from "../hooks/queries"
import { TransferSummary } from "../components/order/transfer-summary"
import { WidgetError } from "../components/order/widget-error"

/**
 * Order page, side column: the transfer at a glance. Orders paid another way get
 * `{ expectation: null }` and the widget renders nothing; while loading it renders nothing too,
 * so the order page never waits for the plugin.
 */
const OrderBankTransferSummary = ({
  data: order,
}: DetailWidgetProps<HttpTypes.AdminOrder>) => {
  const { data, error } = useOrderTransfer(order?.id)
  if (error) {
    return <WidgetError error={error} />
  }
  if (!data?.expectation) {
    return null
  }
  return (
    <TransferSummary transfer={{ ...data, expectation: data.expectation }} />
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.side.after",
  id: "medusa-bank-transfer:order-summary",
})

export default OrderBankTransferSummary
