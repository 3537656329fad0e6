import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { setLayoutConfigurationStep } from "@medusajs/medusa/core-flows"
import {
  ORDER_DETAILS_ZONE,
  planOrderBannerLayoutStep,
} from "./steps/plan-order-banner-layout"

/**
 * Puts the bank-transfer waiting banner at the top of the order page in the store's default
 * layout (Medusa's Settings Module), keeping every other widget preference, unless an admin
 * already placed the banner. Returns whether it changed the layout.
 */
export const placeOrderBannerFirstWorkflow = createWorkflow(
  "bank-transfer-place-order-banner-first",
  () => {
    const configuration = planOrderBannerLayoutStep()
    when(
      "bank-transfer-when-banner-not-placed",
      { configuration },
      ({ configuration }) => !!configuration
    ).then(() => {
      setLayoutConfigurationStep(
        transform({ configuration }, ({ configuration }) => ({
          zone: ORDER_DETAILS_ZONE,
          user_id: "system",
          is_default: true,
          configuration: configuration!,
        }))
      )
    })
    return new WorkflowResponse(
      transform({ configuration }, ({ configuration }) => !!configuration)
    )
  }
)
