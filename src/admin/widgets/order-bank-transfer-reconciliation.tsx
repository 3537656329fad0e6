import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import { useOrderTransfer } from "../hooks/queries"
import { ReconciliationPanel } from "../components/order/reconciliation-panel"

/**
 * Order page, main column: suggested transactions, manual matching, applied money and history.
 * Shares its query with the side widget (same key), so the order costs one request. Errors are
 * shown once, by the side widget.
 */
const OrderBankTransferReconciliation = ({
  data: order,
}: DetailWidgetProps<HttpTypes.AdminOrder>) => {
  const { data } = useOrderTransfer(order?.id)
  if (!data?.expectation) {
    return null
  }
  return (
    <ReconciliationPanel
      transfer={{ ...data, expectation: data.expectation }}
    />
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.after",
  id: "medusa-bank-transfer:order-reconciliation",
})

export default OrderBankTransferReconciliation
