import { transform, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"

/** The lock every run that matches or allocates a transaction holds (Redis-backed across instances). */
export const transactionLockKey = (transactionId: string) =>
  `bank-transfer:transaction:${transactionId}`

/**
 * Takes the transaction's lock with Medusa's locking steps (waits up to 30 s; expires after 120 s
 * if the process dies). Returns the key for `releaseTransactionLock`, the workflow's last step.
 */
export function acquireTransactionLock(
  // A workflow's input (typed as its plain shape inside the composer) or a step's output.
  input: { transaction_id: string } | WorkflowData<{ transaction_id: string }>
) {
  const key = transform({ input }, ({ input }) =>
    transactionLockKey((input as { transaction_id: string }).transaction_id)
  )
  acquireLockStep({ key, timeout: 30, ttl: 120 })
  return key
}

export const releaseTransactionLock = (key: WorkflowData<string>) =>
  releaseLockStep({ key })
