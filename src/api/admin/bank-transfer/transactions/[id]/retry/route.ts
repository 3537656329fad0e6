import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { bankTransferModule } from "../../../helpers"
import { transactionJson } from "../../../serialize"
import type { RetryMatchingResponse } from "../../../../../../types/http"
import { reconcileTransactionWorkflow } from "../../../../../../workflows/match/reconcile-transaction"

/**
 * POST /admin/bank-transfer/transactions/:id/retry — match a transaction parked after repeated
 * failures ("needs attention") once more, now. 400 when it is not parked; the run's error, if it
 * fails again, is answered and kept on the transaction.
 */
export async function POST(
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<RetryMatchingResponse>
) {
  const service = bankTransferModule(req)
  const transaction = await service.retrieveBankTransaction(req.params.id)
  if (!transaction.needs_attention_at) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Transaction ${transaction.id} does not need attention`
    )
  }
  await service.updateBankTransactions({
    id: transaction.id,
    needs_attention_at: null,
    match_attempts: 0,
    match_error: null,
  })
  try {
    await reconcileTransactionWorkflow(req.scope).run({
      input: { transaction_id: transaction.id },
    })
  } catch (e) {
    const message = (e as Error).message
    await service.updateBankTransactions({
      id: transaction.id,
      needs_attention_at: new Date(),
      match_attempts: 1,
      match_error: message,
    })
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Matching failed again: ${message}`
    )
  }
  res.json({
    transaction: transactionJson(
      await service.retrieveBankTransaction(transaction.id)
    ),
  })
}
