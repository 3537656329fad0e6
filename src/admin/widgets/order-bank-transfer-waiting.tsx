import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import { Alert, Text } from "@medusajs/ui"
import { useOrderTransfer } from "../hooks/queries"
import { waitingBanner } from "../lib/waiting-banner"
import { useI18n } from "../hooks/use-i18n"

/**
 * Top of the order page: while the order waits for its bank transfer, says so plainly (Medusa
 * shows such an order as "Authorized"). Renders nothing for orders paid another way, once paid,
 * while loading, and on errors (the side widget reports those). Shares its query with the other
 * order widgets (GET /admin/bank-transfer/orders/:order_id).
 */
const OrderBankTransferWaiting = ({
  data: order,
}: DetailWidgetProps<HttpTypes.AdminOrder>) => {
  const { data } = useOrderTransfer(order?.id)
  const { t, lang } = useI18n()
  const banner = data?.expectation
    ? waitingBanner(data.expectation, t, lang)
    : null
  if (!banner) {
    return null
  }
  return (
    <Alert
      variant={banner.variant}
      data-testid="bt-waiting-banner"
      data-status={data?.expectation?.status}
    >
      <Text size="small" weight="plus" data-testid="bt-waiting-title">
        {banner.title}
      </Text>
      <Text size="small">{banner.detail}</Text>
    </Alert>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.before",
  id: "medusa-bank-transfer:order-waiting",
})

export default OrderBankTransferWaiting
