import { MedusaError } from "@medusajs/framework/utils"
import type BankTransferModuleService from "../../../../modules/bank-transfer/service"

/** One return item with its order's number (raw row), or NOT_FOUND. */
export async function loadReturnRow(
  service: BankTransferModuleService,
  id: string
) {
  const [item] = await service.listMoneyReturns({ id })
  if (!item) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Return item ${id} was not found`
    )
  }
  const expectation = item.expectation_id
    ? (await service.listExpectations({ id: item.expectation_id }))[0]
    : null
  return { ...item, order_number: expectation?.order_number ?? null }
}
