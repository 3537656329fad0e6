import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { BANK_TRANSFER_MODULE } from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"

/** Failed matching runs before a transaction is parked for an accountant instead of retried. */
export const MATCH_ATTEMPTS = 5

/**
 * A matching run failed: log it and count it on the transaction. The fifth failure parks the
 * transaction ("needs attention", with its error) so that the sweep stops retrying it every 5
 * minutes; the accountant sees it in the admin and can retry it by hand.
 */
export async function recordMatchingFailure(
  container: MedusaContainer,
  transactionId: string,
  error: unknown
) {
  const message = (error as Error)?.message ?? String(error)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  logger.error(
    `bank-transfer: matching transaction ${transactionId} failed: ${message}`
  )
  const service: BankTransferModuleService =
    container.resolve(BANK_TRANSFER_MODULE)
  const parked = await service
    .recordMatchingFailure({
      transaction_id: transactionId,
      error: message,
      max_attempts: MATCH_ATTEMPTS,
    })
    .catch(() => false)
  if (parked) {
    logger.warn(
      `bank-transfer: transaction ${transactionId} needs attention after ${MATCH_ATTEMPTS} failed matching runs`
    )
  }
}
