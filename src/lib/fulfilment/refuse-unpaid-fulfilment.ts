import { MedusaError } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { BANK_TRANSFER_MODULE } from "../../modules/bank-transfer"
import type BankTransferModuleService from "../../modules/bank-transfer/service"
import { unpaidFulfilmentRefusal } from "./unpaid-fulfilment"

/**
 * Throws MedusaError NOT_ALLOWED (HTTP 400) when the `block_unpaid_fulfillment` setting is on
 * (medusa-config.ts or Bank transfers → Settings, read through loadOptions) and the order is paid
 * by bank transfer (it has an expectation) that is not paid yet. Orders paid another way, and every
 * order while the setting is off, pass. Reads only; writes nothing.
 */
export async function refuseUnpaidFulfilment(
  scope: Pick<MedusaContainer, "resolve">,
  orderId: string
): Promise<void> {
  const service: BankTransferModuleService = scope.resolve(BANK_TRANSFER_MODULE)
  if (!(await service.loadOptions()).block_unpaid_fulfillment) {
    return
  }
  const [expectation] = await service.listExpectations({ order_id: orderId })
  const refusal = expectation
    ? unpaidFulfilmentRefusal(expectation as any)
    : null
  if (refusal) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, refusal)
  }
}
