import type { MedusaContainer } from "@medusajs/framework/types"
import { placeOrderBannerFirstWorkflow } from "../workflows/settings/place-order-banner-first"

/**
 * Once after the server starts: the waiting banner goes to the top of the order page in the store's
 * default layout, unless an admin already placed it (see placeOrderBannerFirstWorkflow).
 */
export default async function placeOrderBannerFirst(
  container: MedusaContainer
) {
  const { result: changed } =
    await placeOrderBannerFirstWorkflow(container).run()
  if (changed) {
    container
      .resolve("logger")
      .info("bank-transfer: the waiting banner is now first on the order page")
  }
}

export const config = {
  name: "bank-transfer-place-order-banner-first",
  schedule: "* * * * *",
  numberOfExecutions: 1,
}
