import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { ShopperLocaleHints } from "../../../lib/expect/shopper-notification"

/**
 * The locale hints of each order's shopper, by order id, in one query for all of them: the
 * order's `locale` (copied from the cart by Medusa) and the customer's `metadata.locale`. An order
 * not found (or a failing query) has no hints: its messages use the shop's default language.
 */
export async function loadShopperLocales(
  container: MedusaContainer,
  orderIds: string[]
): Promise<Map<string, ShopperLocaleHints>> {
  const found = new Map<string, ShopperLocaleHints>()
  const ids = [...new Set(orderIds.filter(Boolean))]
  if (!ids.length) {
    return found
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  let data: unknown[]
  try {
    ;({ data } = await query.graph({
      entity: "order",
      filters: { id: ids },
      fields: ["id", "locale", "customer.metadata"],
    }))
  } catch (e) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(
        `bank-transfer: shopper languages not read, the default is used: ${(e as Error).message}`
      )
    return found
  }
  for (const order of data as any[]) {
    const customerLocale = order.customer?.metadata?.locale
    found.set(order.id, {
      order_locale: typeof order.locale === "string" ? order.locale : null,
      customer_locale:
        typeof customerLocale === "string" ? customerLocale : null,
    })
  }
  return found
}
