/** The lock every run that matches or allocates a transaction holds (Redis-backed across instances). */
export const transactionLockKey = (transactionId: string) =>
  `bank-transfer:transaction:${transactionId}`
