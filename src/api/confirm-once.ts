import type { ILockingModule, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { BANK_TRANSFER_MODULE } from "../modules/bank-transfer"
import type BankTransferModuleService from "../modules/bank-transfer/service"
import {
  confirmPaymentWorkflow,
  type ConfirmPaymentInput,
} from "../workflows/expect/confirm-payment"
import {
  DUPLICATE_WINDOW_MS,
  isSameConfirmation,
} from "../lib/expect/confirmation-duplicate"

/**
 * Runs the "I have paid" workflow once per confirmation: under a lock on the order's expectation
 * (Medusa's Locking Module), an identical confirmation stored in the last minutes (a double click,
 * a resent form) is answered with the stored one (`duplicate: true`) instead of a second row.
 */
export async function confirmOnce(
  scope: MedusaContainer,
  input: ConfirmPaymentInput,
  currency: string
) {
  const service: BankTransferModuleService = scope.resolve(BANK_TRANSFER_MODULE)
  const job = async () => {
    const recent = await service.listPaymentConfirmations(
      {
        expectation_id: input.expectation_id,
        created_at: { $gte: new Date(Date.now() - DUPLICATE_WINDOW_MS) },
      } as any,
      { order: { created_at: "DESC" }, take: 20 }
    )
    const same = recent.find((c) =>
      isSameConfirmation(c as any, input, currency)
    )
    if (same) {
      return { confirmation: same, duplicate: true }
    }
    const { result } = await confirmPaymentWorkflow(scope).run({ input })
    return { confirmation: result, duplicate: false }
  }
  let locking: ILockingModule | null = null
  try {
    locking = scope.resolve(Modules.LOCKING)
  } catch {
    // A store without the Locking Module: the check above still catches a resend.
  }
  return locking
    ? locking.execute(`bank-transfer-confirm:${input.expectation_id}`, job, {
        timeout: 30,
      })
    : job()
}
