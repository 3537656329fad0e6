import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"

/** The order page's layout zone, and the waiting banner's id there (its widget config `id`). */
export const ORDER_DETAILS_ZONE = "order.details"
export const WAITING_BANNER_WIDGET = "widget:medusa-bank-transfer:order-waiting"

/**
 * The store's default layout of the order page with the waiting banner first, or null when an
 * admin already placed, moved or hid the banner there (their choice stands). Medusa 2.17+ lays the
 * order page out from saved preferences and ignores a widget zone's `.before`: without one, the
 * banner would come after Medusa's own sections.
 */
export const planOrderBannerLayoutStep = createStep(
  "bank-transfer-plan-order-banner-layout",
  async (_: void, { container }) => {
    const settings = container.resolve(Modules.SETTINGS) as any
    const current =
      await settings.getSystemDefaultLayoutConfiguration(ORDER_DETAILS_ZONE)
    const widgets = current?.configuration?.widgets ?? {}
    if (widgets[WAITING_BANNER_WIDGET]) {
      return new StepResponse(null)
    }
    return new StepResponse({
      widgets: {
        ...widgets,
        // Medusa's own sections have no order (0): -1 puts the banner above them.
        [WAITING_BANNER_WIDGET]: { order: -1, section: "main" },
      },
    })
  }
)
