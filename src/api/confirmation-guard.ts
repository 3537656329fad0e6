import { MedusaError } from "@medusajs/framework/utils"
import type BankTransferModuleService from "../modules/bank-transfer/service"
import { canConfirm } from "../lib/shopper/page-token"
import { capProblem } from "../lib/shopper/confirmation-cap"

/**
 * Refuses "I have paid" before its upload is read when there is nothing to confirm (the order is
 * paid, cancelled or refunded) or the order already holds `confirmation_limits.per_order`
 * confirmations or `files_per_order` proof files: NOT_ALLOWED (400) with the reason. The same
 * caps are checked again under the order's lock when the confirmation is stored.
 */
export async function assertConfirmable(
  service: BankTransferModuleService,
  expectation: { id: string; status: string }
) {
  if (!canConfirm(expectation.status)) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Nothing to confirm: this order is ${expectation.status.replace(/_/g, " ")}`
    )
  }
  const limits = (await service.loadOptions()).confirmation_limits
  const stored = await service.listPaymentConfirmations(
    { expectation_id: expectation.id } as any,
    { select: ["id", "files"], take: limits.per_order + 1 }
  )
  capProblem(stored as any, 0, limits)
}
